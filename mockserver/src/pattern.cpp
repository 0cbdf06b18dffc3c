// A linear-time matcher for the stubs' patterns (pattern.hpp): parse into a tree, check the size
// of the program the tree expands to before expanding it, compile a Thompson NFA, simulate it
// over sets of states.
#include "pattern.hpp"

#include <algorithm>
#include <utility>

namespace orderkit::mock {

namespace {

using ByteSet = std::bitset<256>;
using Op = Pattern::Instruction::Op;

// A parsed pattern. Groups leave no node of their own: a group is its alternation's node.
struct Node {
  enum class Kind : std::uint8_t { empty, bytes, assertion, concat, alternation, repeat };
  Kind kind = Kind::empty;
  std::uint32_t set = 0;  // bytes: an index into the sets
  Op assertion = Op::at_begin;
  int min = 0, max = 0;  // repeat: max -1 for no upper bound
  std::vector<Node> kids;
};

struct Refusal {
  std::string message;
};

bool is_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

ByteSet range(unsigned char lo, unsigned char hi) {
  ByteSet s;
  for (int c = lo; c <= hi; ++c) s.set(static_cast<std::size_t>(c));
  return s;
}

// \d \w \s and their negations; ECMAScript's \s also has Unicode spaces, which are not bytes.
bool class_escape(char e, ByteSet& out) {
  ByteSet s;
  switch (e) {
    case 'd':
    case 'D': s = range('0', '9'); break;
    case 'w':
    case 'W':
      for (int c = 0; c < 256; ++c) s.set(static_cast<std::size_t>(c), is_word(static_cast<unsigned char>(c)));
      break;
    case 's':
    case 'S':
      for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) s.set(static_cast<unsigned char>(c));
      break;
    default: return false;
  }
  out = (e >= 'A' && e <= 'Z') ? ~s : s;
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A + b saturated at `cap`: the size of (a{1000}){1000}{1000} must not overflow before it is refused.
std::size_t add_capped(std::size_t a, std::size_t b, std::size_t cap) { return std::min(a + b, cap); }
std::size_t mul_capped(std::size_t a, std::size_t b, std::size_t cap) {
  return (b != 0 && a > cap / b) ? cap : std::min(a * b, cap);
}

}  // namespace

// Recursive descent over the pattern, recursing only into groups (at most Pattern::kMaxDepth),
// then a compiler that emits the program from its end, so that each piece knows where it goes on.
class PatternCompiler {
 public:
  PatternCompiler(std::string_view pattern, bool icase) : p_(pattern), icase_(icase) {}

  Pattern run() {
    Node root = alternation(0);
    if (i_ < p_.size()) fail("')' closes no group", i_);  // the only thing that stops the top level
    const std::size_t cap = Pattern::kMaxInstructions + 1;
    if (add_capped(size_of(root, cap), 1, cap) > Pattern::kMaxInstructions)
      throw Refusal{"the pattern compiles to more than " + std::to_string(Pattern::kMaxInstructions) +
                    " instructions (a repeat count copies what it repeats: (a{1000}){1000} is a million)"};
    out_.program_.reserve(size_of(root, cap) + 1);
    const std::uint32_t match = emit({Op::match});
    out_.start_ = compile(root, match);
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(const std::string& what, std::size_t at) {
    throw Refusal{what + " at offset " + std::to_string(at)};
  }
  bool more() const { return i_ < p_.size(); }
  char peek() const { return p_[i_]; }

  // alternation := concat ('|' concat)*
  Node alternation(int depth) {
    Node alt;
    alt.kind = Node::Kind::alternation;
    alt.kids.push_back(concat(depth));
    while (more() && peek() == '|') {
      ++i_;
      alt.kids.push_back(concat(depth));
    }
    return alt.kids.size() == 1 ? std::move(alt.kids.front()) : alt;
  }

  // concat := (atom quantifier?)*, up to '|', ')' or the end
  Node concat(int depth) {
    Node seq;
    seq.kind = Node::Kind::concat;
    while (more() && peek() != '|' && peek() != ')') {
      const std::size_t at = i_;
      Node a = atom(depth);
      int min = 0, max = 0;
      if (quantifier(min, max)) {
        if (a.kind == Node::Kind::assertion && p_[at] != '(')
          fail("an assertion (^, $, \\b, \\B) cannot be repeated", at);
        Node r;
        r.kind = Node::Kind::repeat;
        r.min = min;
        r.max = max;
        r.kids.push_back(std::move(a));
        a = std::move(r);
        if (more() && peek() == '?') ++i_;  // lazy: the same whole-match answer as greedy
        const std::size_t again = i_;
        int ignored_min = 0, ignored_max = 0;
        if (quantifier(ignored_min, ignored_max)) fail("a quantifier with nothing to repeat", again);
      }
      seq.kids.push_back(std::move(a));
    }
    if (seq.kids.size() == 1) return std::move(seq.kids.front());
    if (seq.kids.empty()) return Node{};
    return seq;
  }

  // Reads * + ? {n} {n,} {n,m} at i_, if there is one.
  bool quantifier(int& min, int& max) {
    if (!more()) return false;
    const std::size_t at = i_;
    switch (peek()) {
      case '*': min = 0, max = -1, ++i_; return true;
      case '+': min = 1, max = -1, ++i_; return true;
      case '?': min = 0, max = 1, ++i_; return true;
      case '{': break;
      default: return false;
    }
    ++i_;
    const auto not_a_count = [&] { fail("'{' starts no repeat count {n}, {n,} or {n,m} (write \\{ for a brace)", at); };
    if (!number(min)) not_a_count();
    max = min;
    if (more() && peek() == ',') {
      ++i_;
      max = -1;
      if (more() && peek() != '}' && !number(max)) not_a_count();
    }
    if (!more() || peek() != '}') not_a_count();
    ++i_;
    if (min > Pattern::kMaxRepeat || max > Pattern::kMaxRepeat)
      fail("a repeat count over " + std::to_string(Pattern::kMaxRepeat), at);
    if (max != -1 && max < min) fail("a repeat count {m,n} with m greater than n", at);
    return true;
  }

  // Digits at i_, saturated just over kMaxRepeat.
  bool number(int& n) {
    if (!more() || peek() < '0' || peek() > '9') return false;
    n = 0;
    while (more() && peek() >= '0' && peek() <= '9') n = std::min(n * 10 + (p_[i_++] - '0'), Pattern::kMaxRepeat + 1);
    return true;
  }

  Node atom(int depth) {
    const std::size_t at = i_;
    const char c = p_[i_++];
    switch (c) {
      case '(': return group(depth, at);
      case '[': return bytes(bracket(at));
      case '.': return bytes(~(single('\n') | single('\r')));
      case '^': return assertion(Op::at_begin);
      case '$': return assertion(Op::at_end);
      case '*':
      case '+':
      case '?': fail("a quantifier with nothing to repeat", at);
      case '{': {
        --i_;
        int min = 0, max = 0;
        quantifier(min, max);  // refuses a brace that is no count
        fail("a quantifier with nothing to repeat", at);
      }
      case '\\': {
        if (!more()) fail("a backslash that escapes nothing", at);
        const char e = p_[i_++];
        if (e == 'b') return assertion(Op::word_edge);
        if (e == 'B') return assertion(Op::not_edge);
        ByteSet s;
        if (class_escape(e, s)) return bytes(s);
        return bytes(single(escaped_byte(e, at)));
      }
      default: return bytes(single(c));  // ']' and '}' alone are literals, as in ECMAScript (Annex B)
    }
  }

  Node group(int depth, std::size_t at) {
    if (depth >= Pattern::kMaxDepth) fail("more than " + std::to_string(Pattern::kMaxDepth) + " nested groups", at);
    if (more() && peek() == '?') {
      const std::string_view rest = p_.substr(i_);
      if (rest.rfind("?:", 0) == 0) {
        i_ += 2;
      } else if (rest.rfind("?=", 0) == 0 || rest.rfind("?!", 0) == 0 || rest.rfind("?<=", 0) == 0 ||
                 rest.rfind("?<!", 0) == 0) {
        fail("lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported", at);
      } else if (rest.rfind("?<", 0) == 0) {
        fail("named groups ((?<name>...)) are not supported; write (...) or (?:...)", at);
      } else {
        fail("'(?' starts no known group; write (...) or (?:...)", at);
      }
    }
    Node inner = alternation(depth + 1);
    if (!more()) fail("'(' is never closed", at);
    ++i_;  // ')'
    return inner;
  }

  // [...] or [^...], from after the '['.
  ByteSet bracket(std::size_t at) {
    bool negated = false;
    if (more() && peek() == '^') negated = true, ++i_;
    ByteSet s;
    while (true) {
      if (!more()) fail("'[' is never closed", at);
      if (peek() == ']') break;
      const std::size_t from = i_;
      ByteSet lo_set;
      const int lo = class_atom(lo_set);
      if (more() && peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        ++i_;
        ByteSet hi_set;
        const int hi = class_atom(hi_set);
        if (lo < 0 || hi < 0) fail("a range in a class that starts or ends with \\d, \\w or \\s", from);
        if (hi < lo) fail("a range out of order in a class", from);
        s |= range(static_cast<unsigned char>(lo), static_cast<unsigned char>(hi));
      } else {
        s |= lo < 0 ? lo_set : single(static_cast<char>(lo));
      }
    }
    ++i_;  // ']'
    // Folded before negating: under icase, [^a] refuses "A" too, as ECMAScript says.
    if (icase_) s = folded(s);
    return negated ? ~s : s;
  }

  // One member of a class: its byte, or -1 with a class escape's set in `s`.
  int class_atom(ByteSet& s) {
    const std::size_t at = i_;
    const char c = p_[i_++];
    if (c != '\\') return static_cast<unsigned char>(c);
    if (!more()) fail("a backslash that escapes nothing", at);
    const char e = p_[i_++];
    if (e == 'b') return 0x08;  // backspace inside a class, as in ECMAScript
    if (class_escape(e, s)) return -1;
    return static_cast<unsigned char>(escaped_byte(e, at));
  }

  // The byte of an escape that stands for one byte (after the backslash at `at`), or a refusal.
  char escaped_byte(char e, std::size_t at) {
    switch (e) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'v': return '\v';
      case '0':
        if (more() && peek() >= '0' && peek() <= '9') fail("octal escapes are not supported; write \\xHH", at);
        return '\0';
      case 'x': {
        const int h = i_ + 1 < p_.size() ? hex_digit(p_[i_]) : -1;
        const int l = h >= 0 ? hex_digit(p_[i_ + 1]) : -1;
        if (l < 0) fail("\\x needs two hexadecimal digits", at);
        i_ += 2;
        return static_cast<char>(h * 16 + l);
      }
      default: break;
    }
    if (e >= '1' && e <= '9') fail("backreferences (\\1) are not supported", at);
    if (e == 'k') fail("named backreferences (\\k<name>) are not supported", at);
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9'))
      fail(std::string("the escape \\") + e + " is not supported (escape only punctuation)", at);
    return e;  // \. \\ \/ \- ... and any byte above 0x7F
  }

  ByteSet single(char c) const {
    ByteSet s;
    s.set(static_cast<unsigned char>(c));
    return s;
  }

  ByteSet folded(ByteSet s) const {
    for (int c = 'a'; c <= 'z'; ++c) {
      const auto lower = static_cast<std::size_t>(c), upper = static_cast<std::size_t>(c - 'a' + 'A');
      if (s[lower] || s[upper]) s.set(lower).set(upper);
    }
    return s;
  }

  // A node testing one byte; a literal or '.' under icase is folded here, a class in bracket().
  Node bytes(ByteSet s) {
    if (icase_) s = folded(s);
    Node n;
    n.kind = Node::Kind::bytes;
    // Sets are shared: a long pattern of literals keeps at most a few hundred distinct sets.
    const auto found = std::find(out_.sets_.begin(), out_.sets_.end(), s);
    n.set = static_cast<std::uint32_t>(found - out_.sets_.begin());
    if (found == out_.sets_.end()) out_.sets_.push_back(s);
    return n;
  }

  static Node assertion(Op op) {
    Node n;
    n.kind = Node::Kind::assertion;
    n.assertion = op;
    return n;
  }

  // The instructions compile() emits for a node, saturated at `cap`.
  static std::size_t size_of(const Node& n, std::size_t cap) {
    std::size_t total = 0;
    switch (n.kind) {
      case Node::Kind::empty: return 0;
      case Node::Kind::bytes:
      case Node::Kind::assertion: return 1;
      case Node::Kind::concat:
        for (const Node& k : n.kids) total = add_capped(total, size_of(k, cap), cap);
        return total;
      case Node::Kind::alternation:
        for (const Node& k : n.kids) total = add_capped(total, size_of(k, cap), cap);
        return add_capped(total, n.kids.size() - 1, cap);  // the splits
      case Node::Kind::repeat: {
        const std::size_t kid = size_of(n.kids.front(), cap);
        if (n.max < 0) return add_capped(mul_capped(kid, static_cast<std::size_t>(n.min) + 1, cap), 1, cap);
        return add_capped(mul_capped(kid, static_cast<std::size_t>(n.max), cap),
                          static_cast<std::size_t>(n.max - n.min), cap);
      }
    }
    return cap;
  }

  std::uint32_t emit(Pattern::Instruction in) {
    out_.program_.push_back(in);
    return static_cast<std::uint32_t>(out_.program_.size() - 1);
  }

  // Emits `n` so that it goes on at `next` when it matched; returns its entry.
  std::uint32_t compile(const Node& n, std::uint32_t next) {
    switch (n.kind) {
      case Node::Kind::empty: return next;
      case Node::Kind::bytes: return emit({Op::byte_in, next, n.set});
      case Node::Kind::assertion: return emit({n.assertion, next, 0});
      case Node::Kind::concat:
        for (auto k = n.kids.rbegin(); k != n.kids.rend(); ++k) next = compile(*k, next);
        return next;
      case Node::Kind::alternation: {
        std::uint32_t entry = compile(n.kids.back(), next);
        for (auto k = n.kids.rbegin() + 1; k != n.kids.rend(); ++k) {
          const std::uint32_t branch = compile(*k, next);
          entry = emit({Op::split, branch, entry});
        }
        return entry;
      }
      case Node::Kind::repeat: {
        const Node& kid = n.kids.front();
        std::uint32_t entry = next;
        if (n.max < 0) {
          // kid*: a split that either enters kid (which comes back to it) or goes on.
          const std::uint32_t loop = emit({Op::split, 0, next});
          out_.program_[loop].next = compile(kid, loop);
          entry = loop;
        } else {
          // kid?(kid?(...)): each optional copy either skips all the remaining ones or goes on.
          for (int k = n.min; k < n.max; ++k) entry = emit({Op::split, compile(kid, entry), next});
        }
        for (int k = 0; k < n.min; ++k) entry = compile(kid, entry);
        return entry;
      }
    }
    return next;
  }

  std::string_view p_;
  bool icase_;
  std::size_t i_ = 0;
  Pattern out_;
};

std::variant<Pattern, std::string> Pattern::compile(std::string_view pattern, bool icase) {
  try {
    return PatternCompiler(pattern, icase).run();
  } catch (const Refusal& r) {
    return r.message;
  }
}

namespace {

// The states alive at one offset: a sparse set (Briggs & Torczon), cleared in O(1).
class StateSet {
 public:
  explicit StateSet(std::size_t n) : sparse_(n), dense_(n) {}
  bool contains(std::uint32_t s) const { return sparse_[s] < size_ && dense_[sparse_[s]] == s; }
  void insert(std::uint32_t s) {
    sparse_[s] = static_cast<std::uint32_t>(size_);
    dense_[size_++] = s;
  }
  void clear() { size_ = 0; }
  bool empty() const { return size_ == 0; }
  const std::uint32_t* begin() const { return dense_.data(); }
  const std::uint32_t* end() const { return dense_.data() + size_; }

 private:
  std::vector<std::uint32_t> sparse_, dense_;
  std::size_t size_ = 0;
};

}  // namespace

bool Pattern::full_match(std::string_view subject) const {
  const std::size_t n = program_.size();
  StateSet now(n), then(n);
  std::vector<std::uint32_t> stack;  // the epsilon closure's work list, instead of recursion
  stack.reserve(n);
  const auto word_at = [&](std::size_t at) {
    return at < subject.size() && is_word(static_cast<unsigned char>(subject[at]));
  };
  // Adds `from` and every state reachable from it without consuming a byte at offset `at`.
  const auto add = [&](StateSet& set, std::uint32_t from, std::size_t at) {
    stack.push_back(from);
    while (!stack.empty()) {
      const std::uint32_t s = stack.back();
      stack.pop_back();
      if (set.contains(s)) continue;
      set.insert(s);
      const Instruction& in = program_[s];
      bool go_on = false;
      switch (in.op) {
        case Op::split: stack.push_back(in.arg), go_on = true; break;
        case Op::at_begin: go_on = at == 0; break;
        case Op::at_end: go_on = at == subject.size(); break;
        case Op::word_edge:
        case Op::not_edge: go_on = ((at > 0 && word_at(at - 1)) != word_at(at)) == (in.op == Op::word_edge); break;
        case Op::byte_in:
        case Op::match: break;
      }
      if (go_on) stack.push_back(in.next);
    }
  };
  add(now, start_, 0);
  for (std::size_t at = 0; at < subject.size(); ++at) {
    if (now.empty()) return false;
    const auto byte = static_cast<unsigned char>(subject[at]);
    then.clear();
    for (const std::uint32_t s : now) {
      const Instruction& in = program_[s];
      if (in.op == Op::byte_in && sets_[in.arg][byte]) add(then, in.next, at + 1);
    }
    std::swap(now, then);
  }
  return std::any_of(now.begin(), now.end(), [&](std::uint32_t s) { return program_[s].op == Op::match; });
}

}  // namespace orderkit::mock
