#!/usr/bin/env bash
# THE test command: set-up, then every build and test stage, with timings.
# Every stage runs even after a failure; the exit status is non-zero if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# One stage per line: "<name>|<command>". Add new stages (node tests, browser tests, ...) here,
# or better, register them with ctest (add_test) so the workflow presets run them.
stages=(
  "native|cmake --workflow --preset native"
  "native-asan|cmake --workflow --preset native-asan"
  # clang: the unit tests under clang's ASan/UBSan, and each libFuzzer harness for a short run.
  "fuzz|cmake --workflow --preset fuzz"
  "wasm|cmake --workflow --preset wasm"
)

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

summary=()
failed=0
t_all=$SECONDS

t=$SECONDS
echo "==> setup"
if ! bash scripts/setup.sh; then
  echo "==> setup FAILED after $(fmt_time $((SECONDS - t)))"
  exit 1
fi
summary+=("$(printf '%-14s %-6s %s' setup ok "$(fmt_time $((SECONDS - t)))")")

for stage in "${stages[@]}"; do
  name=${stage%%|*}
  cmd=${stage#*|}
  echo
  echo "==> $name: $cmd"
  t=$SECONDS
  if bash -c "$cmd"; then result=ok; else result=FAILED; failed=1; fi
  summary+=("$(printf '%-14s %-6s %s' "$name" "$result" "$(fmt_time $((SECONDS - t)))")")
  echo "==> $name: $result in $(fmt_time $((SECONDS - t)))"
done

echo
echo "==> summary"
printf '  %s\n' "${summary[@]}"
echo "  total          $(fmt_time $((SECONDS - t_all)))"
if ((failed)); then
  echo "==> FAILED"
  exit 1
fi
echo "==> all stages passed"
