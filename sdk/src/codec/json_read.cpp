#include "codec/json_read.hpp"

#include <nlohmann/json.hpp>

#include <memory>

namespace orderkit::codec::json {
namespace {

// The lexer appends every character of every key and string to its token buffer. In C++17
// libstdc++ declares `extern template class basic_string<char>`, so with std::string each of those
// appends is an out-of-line call into the shared library (a fifth of all decoding instructions).
// A string type with its own allocator type is not covered by that declaration: the compiler
// instantiates it here and inlines the appends. Values are copied out of the buffer anyway.
template <class T>
struct LexerAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = LexerAllocator<U>;
  };
  LexerAllocator() = default;
  template <class U>
  LexerAllocator(const LexerAllocator<U>&) noexcept {}
};
using LexerString = std::basic_string<char, std::char_traits<char>, LexerAllocator<char>>;
using Json = nlohmann::basic_json<std::map, std::vector, LexerString>;

constexpr std::size_t kMaxErrors = 50;

// One open object or array being filled.
struct Frame {
  const Node* node;     // Node::kObject or Node::kArray
  void* target;
  std::uint64_t seen = 0;   // object: fields present, to report missing required ones
  int field = -1;           // object: field whose value comes next (-1: skip it)
  int hint = 0;             // object: the field expected next
  std::size_t index = 0;    // array: number of items so far
};

class Handler final : public nlohmann::json_sax<Json> {
 public:
  Handler(const Node& root, void* target) : root_(root), root_target_(target) { stack_.reserve(8); }

  std::vector<FieldError> errors;

  bool null() override { return scalar(Scalar{}); }
  bool boolean(bool v) override {
    Scalar s;
    s.kind = Scalar::boolean;
    s.b = v;
    return scalar(s);
  }
  bool number_integer(number_integer_t v) override {
    Scalar s;
    s.kind = Scalar::integer;
    s.i = v;
    return scalar(s);
  }
  bool number_unsigned(number_unsigned_t v) override {
    Scalar s;
    s.kind = Scalar::unsigned_integer;
    s.u = v;
    return scalar(s);
  }
  bool number_float(number_float_t, const string_t& text) override {
    Scalar s;
    s.kind = Scalar::number;
    s.text = std::string_view(text.data(), text.size());  // decimals are parsed exactly, never via the double
    return scalar(s);
  }
  bool string(string_t& v) override {
    Scalar s;
    s.kind = Scalar::string;
    s.text = std::string_view(v.data(), v.size());
    s.json_string = true;
    return scalar(s);
  }
  bool binary(binary_t&) override { return true; }  // not produced by the JSON parser

  bool start_object(std::size_t) override { return open(Node::kObject, "object"); }
  bool end_object() override {
    if (skip_ > 0) return --skip_, true;
    const Frame& f = stack_.back();
    std::uint64_t missing = f.node->object->required_mask & ~f.seen;
    if (missing != 0) report_missing(f, missing);
    stack_.pop_back();
    return errors.size() < kMaxErrors;
  }
  bool start_array(std::size_t) override { return open(Node::kArray, "array"); }
  bool end_array() override {
    if (skip_ > 0) return --skip_, true;
    stack_.pop_back();
    return true;
  }

  bool key(string_t& k) override {
    if (skip_ > 0) return true;
    Frame& f = stack_.back();
    const ObjectNode& obj = *f.node->object;
    int i = find_field(obj, std::string_view(k.data(), k.size()), f.hint, /*json=*/true);
    f.field = i;
    if (i >= 0) {
      f.seen |= std::uint64_t{1} << i;
      f.hint = i + 1;
    }
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 5:
    // syntax error while parsing value - ..."; keep what follows the bracketed id.
    std::string what = ex.what();
    auto pos = what.find("] ");
    errors.push_back({"", "syntax", "malformed JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2))});
    return false;
  }

 private:
  // Where the next value goes: the root, the next array item, or the current object's field.
  // Returns false when the value is to be skipped (an unknown member).
  bool next_slot(const Node*& node, void*& target) {
    if (stack_.empty()) {
      if (root_used_) return false;
      root_used_ = true;
      node = &root_;
      target = root_target_;
      return true;
    }
    Frame& f = stack_.back();
    if (f.node->kind == Node::kArray) {
      node = f.node->inner;
      target = f.node->emplace(f.target);
      ++f.index;
      return true;
    }
    if (f.field < 0) return false;
    const FieldNode& fld = f.node->object->fields[f.field];
    node = fld.node;
    target = fld.locate(f.target);
    return true;
  }

  bool scalar(const Scalar& s) {
    if (skip_ > 0) return true;
    const Node* node;
    void* target;
    if (!next_slot(node, target)) return true;
    if (node->kind == Node::kOptional) {
      if (s.kind == Scalar::null) {
        node->reset(target);
        return true;
      }
      target = node->emplace(target);
      node = node->inner;
    }
    if (node->kind != Node::kScalar) {
      fail("type", std::string("expected ") + node->expected + ", got " + kind_name(s));
    } else {
      std::string code, msg;
      if (!node->set(target, s, code, msg)) fail(code, msg);
    }
    return errors.size() < kMaxErrors;
  }

  bool open(Node::Kind kind, const char* got) {
    if (skip_ > 0) return ++skip_, true;
    const Node* node;
    void* target;
    if (!next_slot(node, target)) return ++skip_, true;
    if (node->kind == Node::kOptional) {
      target = node->emplace(target);
      node = node->inner;
    }
    if (node->kind != kind) {
      fail("type", std::string("expected ") + node->expected + ", got " + got);
      ++skip_;
      return errors.size() < kMaxErrors;
    }
    if (kind == Node::kArray) node->reset(target);
    stack_.push_back(Frame{node, target});
    return true;
  }

  // The path of the value being decoded now.
  std::string path() const {
    std::string p;
    for (const Frame& f : stack_) {
      if (f.node->kind == Node::kArray) append_segment(p, nullptr, f.index - 1, true);
      else if (f.field >= 0) append_segment(p, f.node->object->fields[f.field].name, 0, false);
    }
    return p;
  }

  void fail(const std::string& code, const std::string& message) {
    errors.push_back({path(), code, message});
  }

  void report_missing(const Frame& frame, std::uint64_t missing) {
    std::string base;
    for (const Frame& f : stack_) {
      if (&f == &frame) break;
      if (f.node->kind == Node::kArray) append_segment(base, nullptr, f.index - 1, true);
      else if (f.field >= 0) append_segment(base, f.node->object->fields[f.field].name, 0, false);
    }
    const ObjectNode& obj = *frame.node->object;
    for (std::size_t i = 0; i < obj.count; ++i) {
      if ((missing >> i & 1) == 0) continue;
      std::string p = base;
      append_segment(p, obj.fields[i].name, 0, false);
      errors.push_back({p, "required", std::string("required property '") + obj.fields[i].name + "' not found"});
    }
  }

  const Node& root_;
  void* root_target_;
  bool root_used_ = false;
  std::vector<Frame> stack_;
  int skip_ = 0;  // depth inside a value being skipped
};

}  // namespace

std::vector<FieldError> decode(std::string_view text, const Node& root, void* target) {
  Handler h(root, target);
  // The JSON parser itself, not Json::sax_parse: that also instantiates nlohmann's binary-format
  // readers, whose UBJSON number path only compiles for std::string.
  auto input = nlohmann::detail::input_adapter(text.data(), text.data() + text.size());
  bool ok = nlohmann::detail::parser<Json, decltype(input)>(std::move(input), nullptr, /*allow_exceptions=*/false,
                                                           /*skip_comments=*/false)
                .sax_parse(&h, /*strict=*/true);
  if (!ok && h.errors.empty()) h.errors.push_back({"", "syntax", "malformed JSON"});
  if (h.errors.size() >= kMaxErrors) h.errors.push_back({"", "limit", "too many errors; stopped reading"});
  return std::move(h.errors);
}

}  // namespace orderkit::codec::json
