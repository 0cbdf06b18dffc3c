#!/usr/bin/env bash
# Load benchmark of orderkit-mock: wrk against POST /mobile/api/orders (002, the documented
# request sample, every request decoded and validated by the SDK), side by side in the same run
# with nginx answering the same sample response from memory (the practical ceiling here).
#
#   bash tests/bench/mock-load.sh [--duration 10] [--connections 32] [--threads 2] [--rounds 1] [--rss 60] [--stubs 100]
#
# --rounds N alternates nginx and the mock N times and sums up the ratios: on a shared machine one
# pair of runs says little, the spread over several says how much a figure can be trusted.
# --rss N adds an N-second run of the mock alone with its resident memory sampled every 5 s.
# --stubs N also runs, in each round, a second mock loaded with N stubs (--stubs FILE) for the same
# endpoint that match none of the load's requests (body fields, a regex on a string field,
# headers, query), so that each request is tried against all N: what stubs cost the documented path.
# Needs a built build/native/mockserver/orderkit-mock, wrk and nginx (Debian: wrk, nginx-light).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
duration=10 connections=32 wrk_threads=2 rss_seconds=0 rounds=1 stubs=0
mock=${ORDERKIT_MOCK:-$root/build/native/mockserver/orderkit-mock}
while (($#)); do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --rss) rss_seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --stubs) stubs=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "mock-load: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
for n in "$duration" "$connections" "$wrk_threads" "$rounds" "$rss_seconds" "$stubs"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "mock-load: '$n' is not a whole number (try --help)" >&2; exit 2; }
done
((rounds >= 1 && duration >= 1)) || { echo "mock-load: --rounds and --duration start at 1" >&2; exit 2; }
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

# A mock on a free port, with extra arguments; its ready line says where.
start_mock() {  # name args...
  local name=$1
  shift
  "$mock" --port 0 --log off "$@" > "$tmp/$name.out" &
  pids+=($!)
  eval "${name}_pid=$!"
  for _ in $(seq 100); do grep -q listening "$tmp/$name.out" && break; sleep 0.1; done
  local url
  url=$(sed -n 's/^orderkit-mock listening on //p' "$tmp/$name.out")
  [[ -n $url ]] || { echo "mock-load: orderkit-mock ($name) did not start" >&2; exit 1; }
  eval "${name}_url=$url"
}
start_mock mock

# N stubs for POST /mobile/api/orders that match none of the load's requests: a third on a body
# field's value, a third on a regex of a string field, a third on a header and a query parameter.
if ((stubs > 0)); then
  python3 - "$stubs" > "$tmp/stubs.json" <<'PY'
import json, sys
n = int(sys.argv[1])
stubs = []
for i in range(n):
    request = {"api": "mobile", "method": "POST", "path": "/mobile/api/orders"}
    if i % 3 == 0:
        request["body"] = {"OrderDetails[0].CategoryId": {"equalTo": 100000 + i}}
    elif i % 3 == 1:
        request["body"] = {"OrderDetails[0].OrderDetail.PhoneNumber": {"matches": f"\\+47 9{i:05d}"}}
    else:
        request["headers"] = {"X-Shop": {"equalTo": f"shop-{i}"}}
        request["query"] = {"campaign": {"present": True}}
    stubs.append({"id": f"bench-{i}", "request": request, "response": {"status": 503}})
print(json.dumps({"stubs": stubs}))
PY
  start_mock stubbed --stubs "$tmp/stubs.json"
fi
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $nginx_port))" 2>/dev/null && break; sleep 0.1; done

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

# Checks one answer of each, so that a wrong setup is not measured.
for url in "$mock_url" ${stubbed_url:+"$stubbed_url"}; do
  check=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$request" "$url/mobile/api/orders")
  [[ $check == 200 ]] || { echo "mock-load: the mock at $url answered $check" >&2; exit 1; }
done

run() {  # name url
  local out
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency -s "$tmp/post.lua" "$2")
  echo "$out" > "$tmp/$1.wrk"
  local rps p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out")
  errors=$(awk '/Socket errors/ { s = 0; for (i = 4; i <= NF; i += 2) s += $i; print s }' <<<"$out")
  printf '%-8s %12s req/s   p99 %-9s non-2xx %-6s socket errors %s\n' "$1" "$rps" "$p99" "${non2xx:-0}" "${errors:-0}"
  echo "$1 $rps $p99 $((${non2xx:-0} + ${errors:-0}))" >> "$tmp/results"
}

((stubs == 0)) || echo "stubbed: the mock with $stubs stubs for the endpoint, none matching"
echo "wrk -t$wrk_threads -c$connections -d${duration}s --latency -s post.lua <url>  (POST 002, $(wc -c < "$request") byte body)"
echo "mock RSS before: $(rss_kb "$mock_pid") kB"
for ((round = 1; round <= rounds; ++round)); do
  ((rounds == 1)) || echo "round $round of $rounds"
  run nginx "http://127.0.0.1:$nginx_port/mobile/api/orders"
  run mock "$mock_url/mobile/api/orders"
  ((stubs == 0)) || run stubbed "$stubbed_url/mobile/api/orders"
done
echo "mock RSS after:  $(rss_kb "$mock_pid") kB"
# The rounds in pairs (nginx, then the mock): each pair's ratio, p99s compared in the same unit.
python3 - "$tmp/results" <<'PY'
import statistics, sys
scale = {"us": 1e-3, "ms": 1.0, "s": 1e3}
def ms(text):
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * scale[unit]
    raise SystemExit(f"mock-load: cannot read the latency '{text}'")
rows = [line.split() for line in open(sys.argv[1])]
# Each round: nginx, the mock, and with --stubs the mock with stubs.
per_round = 3 if any(r[0] == "stubbed" for r in rows) else 2
rounds = [rows[i:i + per_round] for i in range(0, len(rows), per_round)]
errors = sum(int(r[3]) for r in rows)
for name, col in (("mock", 1), ("stubbed", 2))[: per_round - 1]:
    ratios = [float(r[col][1]) / float(r[0][1]) for r in rounds]
    p99_ok = sum(ms(r[col][2]) <= ms(r[0][2]) for r in rounds)
    third = sum(3 * float(r[col][1]) >= float(r[0][1]) for r in rounds)
    print(f"ratio {name}/nginx: " + " ".join(f"{x:.2f}" for x in ratios))
    if len(ratios) > 1:
        print(f"  median {statistics.median(ratios):.2f}, lowest {min(ratios):.2f}, highest {max(ratios):.2f}")
    print(f"{name} >= a third of nginx in {third} of {len(rounds)} rounds; {name} p99 <= nginx p99 in {p99_ok}")
if per_round == 3:
    cost = [float(r[2][1]) / float(r[1][1]) for r in rounds]
    print("ratio stubbed/mock: " + " ".join(f"{x:.2f}" for x in cost))
print(f"errors in all runs: {errors}")
PY

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
