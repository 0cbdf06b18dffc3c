#!/usr/bin/env bash
# Peak memory of one hostile request: the worst 1 MiB bodies we know how to craft, each sent once
# to a fresh orderkit-mock in echo mode (the mode that answers with the decoded order, so the
# largest answer), and each fed to `orderkit validate`. Peak RSS from /usr/bin/time -v.
#
#   bash tests/bench/mock-rss.sh
#
# Needs a built build/native (orderkit-mock, orderkit), python3 and /usr/bin/time (Debian: time).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mock=${ORDERKIT_MOCK:-$root/build/native/mockserver/orderkit-mock}
cli=${ORDERKIT_CLI:-$root/build/native/sdk/cli/orderkit}
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "mock-rss: $tool is not installed" >&2; exit 1; }
done
[[ -x $mock && -x $cli ]] || { echo "mock-rss: build orderkit-mock and orderkit_cli first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The bodies, each at most 1 MiB.
python3 - "$tmp" <<'EOF'
import sys
out = sys.argv[1]
MIB = 1024 * 1024
def write(name, text):
    data = text.encode()
    assert len(data) <= MIB, (name, len(data))
    open(f"{out}/{name}", "wb").write(data)
# 349,000 empty items: the collection cap stops the decoder at 10,000.
n = (MIB - 40) // 3
write("empty-items.json", '{"OrderDetails":[' + ",".join(["{}"] * n) + "]}")
# 10,000 items with an empty OrderDetail each (the largest item), the rest of the MiB as
# provisioning codes, 10,000 per item: as much decoded structure as the cap lets a MiB make.
items = ['{"OrderDetail":{}}'] * 10000
left = MIB - 40 - sum(len(i) + 1 for i in items)
codes_per_item = 10000
k = 0
while left > 2 * codes_per_item + 60 and k < len(items):
    items[k] = '{"OrderDetail":{"ProductProvisioningCodes":[' + ",".join(["1"] * codes_per_item) + "]}}"
    left -= 2 * codes_per_item + 30
    k += 1
write("largest-items.json", '{"OrderDetails":[' + ",".join(items) + '],"PaymentId":1}')
# The same in XML, items as short as the format allows.
ns = "http://schemas.datacontract.org/2004/07/LimitlessMobile.WebAPI.Controllers"
xitems = "<OrdersController.OrderItem><OrderDetail/></OrdersController.OrderItem>" * 10000
xml = f'<OrdersController.OrderCreationRequest xmlns="{ns}"><OrderDetails>{xitems}</OrderDetails><PaymentId>1</PaymentId></OrdersController.OrderCreationRequest>'
write("largest-items.xml", xml)
# One string of a MiB (the answer echoes it).
write("long-string.json", '{"OrderPaymentDescription":"' + "x" * (MIB - 100) + '","PaymentId":1}')
# Errors: 50 at most, each naming its path.
write("many-errors.json", '{"OrderDetails":[' + ",".join(['{"CategoryId":"x"}'] * 9000) + "]}")
EOF

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Peak RSS (KiB) of a fresh mock that served one request with the body (none: only a health check).
mock_peak() {
  local body=$1 type=$2 port
  port=$(free_port)
  /usr/bin/time -v -o "$tmp/time" "$mock" --port "$port" --mode echo --max-body-bytes 1048576 >/dev/null 2>&1 &
  local pid=$!
  python3 - "$port" "$body" "$type" <<'EOF'
import http.client, sys, time
port, body, ctype = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for _ in range(100):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60); c.request("GET", "/__admin/health"); c.getresponse().read(); break
    except OSError: time.sleep(0.05)
if body != "-":
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("POST", "/mobile/api/orders", open(body, "rb").read(), {"Content-Type": ctype})
    r = c.getresponse(); data = r.read()
    print(f"  status {r.status}, answer {len(data)} bytes", file=sys.stderr)
EOF
  # The time wrapper's child is the mock: stop it, then let time report.
  local child; child=$(pgrep -P "$pid" || true)
  [[ -n $child ]] && kill -TERM $child 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time"
}

cli_peak() {
  /usr/bin/time -v -o "$tmp/time" "$cli" validate --api mobile --model OrderCreationRequest --format "$2" "$1" >/dev/null 2>&1 || true
  awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time"
}

printf '%-20s %8s  %14s  %14s\n' body bytes "mock peak KiB" "validate KiB"
printf '%-20s %8s  %14s  %14s\n' "(idle, health only)" 0 "$(mock_peak - -)" -
for f in empty-items.json largest-items.json largest-items.xml long-string.json many-errors.json; do
  case $f in *.xml) type=application/xml fmt=xml ;; *) type=application/json fmt=json ;; esac
  echo "$f:" >&2
  printf '%-20s %8s  %14s  %14s\n' "$f" "$(wc -c < "$tmp/$f")" "$(mock_peak "$tmp/$f" "$type")" "$(cli_peak "$tmp/$f" "$fmt")"
done
