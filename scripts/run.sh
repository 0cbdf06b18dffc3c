#!/usr/bin/env bash
# THE run command: set up and build the native preset, then run the demo.
# For now the demo is the print_order example (examples/); later this starts the mock server.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> setup (native packages only)"
bash scripts/setup.sh --native

echo "==> build: cmake --preset native && cmake --build --preset native"
cmake --preset native >/dev/null
cmake --build --preset native

demo=build/native/examples/print_order
if [[ -x $demo ]]; then
  echo "==> run: $demo $*"
  exec "$demo" "$@"
fi
echo "==> nothing to run yet: $demo has not been written (examples/ is not in the tree)."
echo "    The library and tests are built in build/native; run the tests with: bash scripts/test.sh"
