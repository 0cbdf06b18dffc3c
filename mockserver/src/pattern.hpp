#pragma once
// The regular expressions of stubs ("matches", "pathPattern"): a matcher of our own whose time is
// linear in the value matched, because the patterns come from outside (POST /__admin/stubs) and a
// backtracking engine (std::regex) takes exponential time on patterns such as "(a*)*b".
//
// The pattern is parsed into a tree, compiled into a Thompson NFA (a small program of byte tests,
// splits and jumps) and run as RE2 and the Pike VM do: one pass over the value, keeping the set of
// program positions that are alive after each byte. Only "does the whole value match" is asked,
// so there are no captures, and greedy and lazy quantifiers answer the same.
//
// Syntax: the ECMAScript subset stub authors write (docs/mock.md, "Stubs"), over bytes, not code
// points: a byte above 0x7F is a literal, and icase folds ASCII letters only. What ECMAScript has
// and a linear matcher cannot do (backreferences, lookaround), or what has no use in a stub (named
// groups), is refused when the pattern is compiled, as is any program over kMaxInstructions.
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace orderkit::mock {

class Pattern {
 public:
  /// The largest count of {n}, {n,} and {n,m}.
  static constexpr int kMaxRepeat = 1000;
  /// The most groups open at once: the parser recurses once per group.
  static constexpr int kMaxDepth = 100;
  /// The largest program: a match costs this many steps per byte of the value at worst.
  static constexpr std::size_t kMaxInstructions = 10000;

  /// Compiles a pattern, or says in one sentence why it is refused ("... at offset N").
  static std::variant<Pattern, std::string> compile(std::string_view pattern, bool icase);

  /// Whether the whole subject matches, in O(size of the program × size of the subject) time
  /// and O(size of the program) memory, without recursion.
  bool full_match(std::string_view subject) const;

  /// The number of instructions of the compiled program.
  std::size_t size() const { return program_.size(); }

  /// One step of the program.
  struct Instruction {
    enum class Op : std::uint8_t {
      byte_in,    // consumes one byte of sets_[arg]
      split,      // goes on at both next and arg
      at_begin,   // ^: only at offset 0
      at_end,     // $: only at the end
      word_edge,  // \b: a word byte on one side only
      not_edge,   // \B
      match,      // the whole pattern matched here
    };
    Op op;
    std::uint32_t next = 0;
    std::uint32_t arg = 0;
  };

 private:
  using ByteSet = std::bitset<256>;
  std::vector<Instruction> program_;
  std::uint32_t start_ = 0;    // the entry of program_ (it is compiled from the end)
  std::vector<ByteSet> sets_;  // the distinct byte sets of the pattern, shared by repeated copies

  friend class PatternCompiler;
};

}  // namespace orderkit::mock
