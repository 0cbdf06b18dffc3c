#pragma once
// Decodes a stream of JSON events (start object, key, value...) into the structs through the
// decoding plans (decode_node.hpp), with the path of every error. The reader that produces the
// events is json_read.cpp's; any other (the test oracle drives it with nlohmann's parser) gives
// the same result for the same document.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "codec/decode_node.hpp"
#include "orderkit/core/error.hpp"

namespace orderkit::codec::json {

class Decoder {
 public:
  Decoder(const Node& root, void* target) : root_(root), root_target_(target) { stack_.reserve(8); }

  // One call per JSON event, in document order. Each returns false to stop reading (too many
  // errors).
  bool null() { return scalar(Scalar{}); }
  bool boolean(bool v) {
    Scalar s;
    s.kind = Scalar::boolean;
    s.b = v;
    return scalar(s);
  }
  bool integer(std::int64_t v) {
    Scalar s;
    s.kind = Scalar::integer;
    s.i = v;
    return scalar(s);
  }
  bool unsigned_integer(std::uint64_t v) {
    Scalar s;
    s.kind = Scalar::unsigned_integer;
    s.u = v;
    return scalar(s);
  }
  // A number with a fraction or an exponent, or an integer beyond 64 bits: its text, as written
  // (decimals are parsed exactly from it, never via a double).
  bool number(std::string_view text) {
    Scalar s;
    s.kind = Scalar::number;
    s.text = text;
    return scalar(s);
  }
  bool string(std::string_view v) {
    Scalar s;
    s.kind = Scalar::string;
    s.text = v;
    s.json_string = true;
    return scalar(s);
  }

  bool start_object() { return open(Node::kObject, "object"); }
  bool end_object() {
    if (skip_ > 0) return --skip_, true;
    if (capture_depth_ > 0) return capture_close('}');
    const Frame& f = stack_.back();
    std::uint64_t missing = f.node->object->required_mask & ~f.seen;
    if (missing != 0) report_missing(f, missing);
    stack_.pop_back();
    return errors_.size() < kMaxErrors;
  }
  bool start_array() { return open(Node::kArray, "array"); }
  bool end_array() {
    if (skip_ > 0) return --skip_, true;
    if (capture_depth_ > 0) return capture_close(']');
    stack_.pop_back();
    return true;
  }

  bool key(std::string_view k) {
    if (skip_ > 0) return true;
    if (capture_depth_ > 0) {
      capture_separator();
      capture_quoted(k);
      capture_ += ':';
      capture_comma_ = false;
      return true;
    }
    Frame& f = stack_.back();
    const ObjectNode& obj = *f.node->object;
    int i = find_field(obj, k, f.hint, /*json=*/true);
    f.field = i;
    if (i >= 0) {
      f.seen |= std::uint64_t{1} << i;
      f.hint = i + 1;
    }
    return true;
  }

  // The document is not well-formed JSON: that is the only error then, whatever field errors
  // came before it (docs/errors.md).
  void syntax_error(std::string message) {
    errors_.clear();
    errors_.push_back({"", "syntax", "malformed JSON: " + std::move(message)});
  }

  // The errors, once the reader is done (`stopped`: a call returned false).
  std::vector<FieldError> finish(bool stopped) {
    if (stopped && errors_.empty()) errors_.push_back({"", "syntax", "malformed JSON"});
    if (errors_.size() >= kMaxErrors) errors_.push_back({"", "limit", "too many errors; stopped reading"});
    return std::move(errors_);
  }

 private:
  static constexpr std::size_t kMaxErrors = 50;

  // One open object or array being filled.
  struct Frame {
    const Node* node;  // Node::kObject or Node::kArray
    void* target;
    std::uint64_t seen = 0;  // object: fields present, to report missing required ones
    int field = -1;          // object: field whose value comes next (-1: skip it)
    int hint = 0;            // object: the field expected next
    std::size_t index = 0;   // array: number of items so far
  };

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
      if (f.index == kMaxCollectionItems) {
        ++f.index;  // the path names the item past the limit
        fail("limit", collection_limit_message());
        stop_ = true;
        return false;
      }
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
    if (capture_depth_ > 0) {
      capture_separator();
      if (s.kind == Scalar::string) capture_quoted(s.text);
      else capture_ += s.kind == Scalar::null ? std::string("null") : scalar_text(s);
      capture_comma_ = true;
      return true;
    }
    const bool any = any_value_slot();
    const Node* node;
    void* target;
    if (!next_slot(node, target)) return !stop_;
    if (any && s.kind != Scalar::null) {
      *text_target(node, target) = scalar_text(s);
      return true;
    }
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
    return errors_.size() < kMaxErrors;
  }

  bool open(Node::Kind kind, const char* got) {
    if (skip_ > 0) return ++skip_, true;
    const char bracket = kind == Node::kObject ? '{' : '[';
    if (capture_depth_ > 0) {
      capture_separator();
      capture_ += bracket;
      ++capture_depth_;
      capture_comma_ = false;
      return true;
    }
    const bool any = any_value_slot();
    const Node* node;
    void* target;
    if (!next_slot(node, target)) return ++skip_, !stop_;
    if (any) {  // an object or array for a .NET `object` member: kept as compact JSON
      capture_target_ = text_target(node, target);
      capture_.assign(1, bracket);
      capture_depth_ = 1;
      capture_comma_ = false;
      return true;
    }
    if (node->kind == Node::kOptional) {
      target = node->emplace(target);
      node = node->inner;
    }
    if (node->kind != kind) {
      fail("type", std::string("expected ") + node->expected + ", got " + got);
      ++skip_;
      return errors_.size() < kMaxErrors;
    }
    if (kind == Node::kArray) node->reset(target);
    stack_.push_back(Frame{node, target});
    return true;
  }

  // A .NET `object` member (meta::any_value, a std::optional<std::string> in C++) takes any JSON
  // value: FluentValidation's AttemptedValue is a number, a string or an object on the wire. A
  // scalar is kept as its text, an object or array as compact JSON.
  bool any_value_slot() const {
    if (stack_.empty()) return false;
    const Frame& f = stack_.back();
    return f.node->kind == Node::kObject && f.field >= 0 &&
           (f.node->object->fields[f.field].flags & meta::kAnyValue) != 0;
  }
  static std::string* text_target(const Node* node, void* target) {
    if (node->kind == Node::kOptional) target = node->emplace(target);
    return static_cast<std::string*>(target);
  }
  static std::string scalar_text(const Scalar& s) {
    switch (s.kind) {
      case Scalar::boolean: return s.b ? "true" : "false";
      case Scalar::integer: return std::to_string(s.i);
      case Scalar::unsigned_integer: return std::to_string(s.u);
      case Scalar::null: return std::string();
      default: return std::string(s.text);
    }
  }
  void capture_separator() {
    if (capture_comma_) capture_ += ',';
  }
  void capture_quoted(std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    capture_ += '"';
    for (char c : text) {
      auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        capture_ += '\\';
        capture_ += c;
      } else if (u < 0x20) {
        capture_ += "\\u00";
        capture_ += kHex[u >> 4];
        capture_ += kHex[u & 15];
      } else {
        capture_ += c;
      }
    }
    capture_ += '"';
  }
  bool capture_close(char bracket) {
    capture_ += bracket;
    capture_comma_ = true;
    if (--capture_depth_ == 0) *capture_target_ = std::move(capture_);
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

  void fail(const std::string& code, const std::string& message) { errors_.push_back({path(), code, message}); }

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
      errors_.push_back({p, "required", std::string("required property '") + obj.fields[i].name + "' not found"});
    }
  }

  const Node& root_;
  void* root_target_;
  std::vector<FieldError> errors_;
  bool root_used_ = false;
  std::vector<Frame> stack_;
  int skip_ = 0;  // depth inside a value being skipped
  // A .NET `object` member's object or array being kept as text (any_value_slot).
  std::string* capture_target_ = nullptr;
  std::string capture_;
  int capture_depth_ = 0;
  bool capture_comma_ = false;
  bool stop_ = false;  // a collection went past its limit: the reader stops
};

}  // namespace orderkit::codec::json
