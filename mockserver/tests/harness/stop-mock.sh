#!/usr/bin/env bash
# Stops the mock start-mock.sh started in DIR and waits until it has exited (it removes its ready
# file on the way out):  stop-mock.sh DIR
set -euo pipefail
dir=$1
pid=$(cat "$dir/pid")
kill "$pid" 2>/dev/null || exit 0
for _ in $(seq 1 400); do
  kill -0 "$pid" 2>/dev/null || exit 0
  sleep 0.05
done
echo "orderkit-mock (pid $pid) did not stop within 20 s" >&2
exit 1
