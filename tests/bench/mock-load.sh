#!/usr/bin/env bash
# Load benchmark of orderkit-mock: wrk against POST /mobile/api/orders (002, the documented
# request sample, every request decoded and validated by the SDK), side by side in the same run
# with nginx answering the same sample response from memory (the practical ceiling here).
#
#   bash tests/bench/mock-load.sh [--duration 10] [--connections 32] [--threads 2] [--rss 60]
#
# --rss N adds an N-second run of the mock alone with its resident memory sampled every 5 s.
# Needs a built build/native/mockserver/orderkit-mock, wrk and nginx (Debian: wrk, nginx-light).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
duration=10 connections=32 wrk_threads=2 rss_seconds=0
mock=${ORDERKIT_MOCK:-$root/build/native/mockserver/orderkit-mock}
while (($#)); do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --rss) rss_seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "mock-load: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
for tool in wrk nginx python3; do
  command -v "$tool" >/dev/null || { echo "mock-load: $tool is not installed (bash scripts/setup.sh)" >&2; exit 1; }
done
[[ -x $mock ]] || { echo "mock-load: build it first: cmake --build build/native --target orderkit-mock" >&2; exit 1; }

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

request=$root/tests/fixtures/mobile/OrderCreationRequest.request.json
response=$root/tests/fixtures/mobile/OrderDetailResult[].response.json

# wrk posts the documented request sample.
python3 - "$request" > "$tmp/post.lua" <<'PY'
import json, sys
body = open(sys.argv[1], encoding="utf-8").read()
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print("wrk.body = " + json.dumps(body))
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# nginx: the same response body, from memory, on a free port.
nginx_port=$(free_port)
mkdir -p "$tmp/nginx"
python3 - "$response" "$nginx_port" "$tmp/nginx" > "$tmp/nginx/nginx.conf" <<'PY'
import sys
body = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
port, d = sys.argv[2], sys.argv[3]
quoted = body.replace("\\", "\\\\").replace("'", "\\'")
print(f"""daemon off;
worker_processes auto;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  keepalive_requests 1000000;
  server {{
    listen 127.0.0.1:{port};
    location / {{ default_type "application/json; charset=utf-8"; return 200 '{quoted}'; }}
  }}
}}""")
PY
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
pids+=($!)

# The mock, on a free port; its ready line says where.
"$mock" --port 0 --log off > "$tmp/mock.out" &
mock_pid=$!
pids+=($mock_pid)
for _ in $(seq 100); do grep -q listening "$tmp/mock.out" && break; sleep 0.1; done
mock_url=$(sed -n 's/^orderkit-mock listening on //p' "$tmp/mock.out")
[[ -n $mock_url ]] || { echo "mock-load: orderkit-mock did not start" >&2; exit 1; }
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $nginx_port))" 2>/dev/null && break; sleep 0.1; done

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

# Checks one answer of each, so that a wrong setup is not measured.
check=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$request" "$mock_url/mobile/api/orders")
[[ $check == 200 ]] || { echo "mock-load: the mock answered $check" >&2; exit 1; }

run() {  # name url
  local out
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency -s "$tmp/post.lua" "$2")
  echo "$out" > "$tmp/$1.wrk"
  local rps p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out")
  errors=$(awk '/Socket errors/ { s = 0; for (i = 4; i <= NF; i += 2) s += $i; print s }' <<<"$out")
  printf '%-7s %12s req/s   p99 %-9s non-2xx %-6s socket errors %s\n' "$1" "$rps" "$p99" "${non2xx:-0}" "${errors:-0}"
  echo "$rps" > "$tmp/$1.rps"
}

echo "wrk -t$wrk_threads -c$connections -d${duration}s --latency -s post.lua <url>  (POST 002, $(wc -c < "$request") byte body)"
echo "mock RSS before: $(rss_kb "$mock_pid") kB"
run nginx "http://127.0.0.1:$nginx_port/mobile/api/orders"
run mock "$mock_url/mobile/api/orders"
echo "mock RSS after:  $(rss_kb "$mock_pid") kB"
python3 -c "import sys; m, n = (float(open(f).read()) for f in sys.argv[1:]); print(f'ratio mock/nginx: {m / n:.2f}')" \
  "$tmp/mock.rps" "$tmp/nginx.rps"

if ((rss_seconds > 0)); then
  echo "RSS over ${rss_seconds}s of load (kB, every 5 s):"
  wrk -t"$wrk_threads" -c"$connections" -d"${rss_seconds}s" -s "$tmp/post.lua" "$mock_url/mobile/api/orders" > "$tmp/rss.wrk" &
  wrk_pid=$!
  samples=()
  while kill -0 "$wrk_pid" 2>/dev/null; do samples+=("$(rss_kb "$mock_pid")"); sleep 5; done
  wait "$wrk_pid"
  echo "  ${samples[*]}"
  awk '/^Requests\/sec/ { print "  " $0 }' "$tmp/rss.wrk"
fi
