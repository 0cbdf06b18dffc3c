#!/usr/bin/env bash
# THE run command: set up and build the native preset, then start the mock server of the four
# APIs (with the example checkout page when examples/checkout exists) and print its URL.
# Arguments go to orderkit-mock (try: bash scripts/run.sh --help, --port 0, --mode echo).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> setup (native packages only)"
bash scripts/setup.sh --native

echo "==> build: cmake --preset native && cmake --build --preset native --target orderkit-mock"
cmake --preset native >/dev/null
cmake --build --preset native --target orderkit-mock

mock=build/native/mockserver/orderkit-mock
args=()
if [[ -d examples/checkout ]]; then
  args+=(--static examples/checkout)
  echo "==> serving the example checkout page from examples/checkout at the URL below"
fi
echo "==> run: $mock ${args[*]} $*   (Ctrl-C stops it)"
echo "    APIs: /broadband/api/orders  /contracts/v1/CustomerContracts/{id}/Orders"
echo "          /mobile/api/orders  /licenses/api/order/data   tools: /__admin/requests  /__admin/openapi.json"
exec "$mock" "${args[@]}" "$@"
