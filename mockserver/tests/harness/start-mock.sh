#!/usr/bin/env bash
# Starts orderkit-mock in the background for a test run and returns once it listens, printing its
# URL. The pattern docs/mock.md describes for shell scripts and CTest fixtures:
#
#   start-mock.sh MOCK_BINARY DIR [orderkit-mock options...]
#
# leaves DIR/url (the base URL, "http://127.0.0.1:PORT"), DIR/pid and the mock's output in
# DIR/mock.log; stop-mock.sh DIR stops it. The mock's streams go to files, not to this script's:
# CTest waits for a test's output pipes to close, so a background process holding them would hang
# the setup test.
set -euo pipefail
mock=$1
dir=$2
shift 2
mkdir -p "$dir"
rm -f "$dir/url"
"$mock" --port 0 --ready-file "$dir/url" "$@" </dev/null >"$dir/mock.log" 2>&1 &
pid=$!
echo "$pid" >"$dir/pid"
# The ready file appears only once the socket listens, and whole (written, then renamed).
for _ in $(seq 1 400); do
  if [ -s "$dir/url" ]; then
    cat "$dir/url"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "orderkit-mock exited before listening:" >&2
    cat "$dir/mock.log" >&2
    exit 1
  fi
  sleep 0.05
done
echo "orderkit-mock did not listen within 20 s" >&2
kill "$pid"
exit 1
