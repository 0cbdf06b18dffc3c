#!/usr/bin/env bash
# THE run command: set up, build the mock server (native) and the orderkit wasm package with the
# example checkout page, then serve the page and the four APIs on one origin and print the URL:
#   orderkit-mock --static build/wasm/checkout --mode echo
# Arguments go to orderkit-mock (try: bash scripts/run.sh --help, --port 0, --mode sample).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> setup (native and wasm packages, npm tools)"
bash scripts/setup.sh

echo "==> build: cmake --preset native && cmake --build --preset native --target orderkit-mock"
cmake --preset native >/dev/null
cmake --build --preset native --target orderkit-mock

echo "==> build: cmake --preset wasm && cmake --build --preset wasm --target orderkit_checkout"
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target orderkit_checkout

mock=build/native/mockserver/orderkit-mock
# The page with the built package in orderkit/ (examples/checkout/CMakeLists.txt stages it).
args=(--static build/wasm/checkout)
# Echo mode answers like a real server (the order you sent, new ids); --mode overrides it.
[[ " $* " == *" --mode "* || " $* " == *" --mode="* ]] || args+=(--mode echo)
echo "==> run: $mock ${args[*]} $*   (Ctrl-C stops it)"
echo "    the checkout page is at the URL below; APIs: /broadband/api/orders"
echo "    /contracts/v1/CustomerContracts/{id}/Orders  /mobile/api/orders  /licenses/api/order/data"
echo "    tools: /__admin/requests  /__admin/openapi.json"
exec "$mock" "${args[@]}" "$@"
