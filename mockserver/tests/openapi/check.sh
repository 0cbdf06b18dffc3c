#!/usr/bin/env bash
# Validates orderkit-mock's OpenAPI document, for all four APIs and for each one alone.
# Usage: check.sh <orderkit-mock> <node>. Exit 77 (skipped) without node or node_modules.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mock=$1
node=${2:-}
if [[ -z $node || ! -x $node || ! -d $here/node_modules/@seriousme/openapi-schema-validator ]]; then
  echo "skipped: needs node and 'npm ci' in $here (scripts/setup.sh does it)"
  exit 77
fi
for api in "" broadband contracts mobile licenses; do
  echo "--api ${api:-(all)}: $("$mock" --print-openapi ${api:+--api "$api"} | "$node" "$here/validate.mjs")"
done
