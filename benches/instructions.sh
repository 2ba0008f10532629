#!/usr/bin/env bash
# Instructions the server spends on one request of each busy page, counted by callgrind: the
# same build, data and requests give the same count to well under 1 %, whatever else the machine
# is doing, so two builds compare where wrk's figures swing by 20 %. Runs on the SQLite database
# `benches/load.sh` seeded (reuse its WORK). Usage:
#   benches/instructions.sh                                    # this checkout, target/bench
#   BIN=/tmp/partnerdesk-before WORK=target/bench-before benches/instructions.sh
# Prints "page<TAB>instructions per request" for /healthz, the Customers list (all, only the
# blocked), a customer's Subscriptions and Account tabs. N sets the requests a page (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS=${CUSTOMERS:-100000}
WORK=${WORK:-target/bench}
N=${N:-200}
PORT=${PORT:-18090}
DB="$WORK/bench-$CUSTOMERS.db"
[ -f "$DB" ] || { echo "no $DB: run benches/load.sh with CUSTOMERS=$CUSTOMERS WORK=$WORK first" >&2; exit 1; }
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN="${CARGO_TARGET_DIR:-target}/release/partnerdesk"
fi

export DATABASE_URL="sqlite://$DB" COOKIE_SECURE=false BIND="127.0.0.1:$PORT" RUST_LOG=warn
export SESSION_KEY=$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN="admin@load$CUSTOMERS.example"
PASS="instructions password $$ for the load admin"
TOTP_SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
hash=$(PARTNERDESK_ADMIN_PASSWORD="$PASS" $BIN hash-password)
sqlite3 "$DB" "UPDATE users SET password_hash = '$hash', failed_logins = 0, locked_until = NULL, password_must_change = FALSE, password_expires_at = NULL, totp_secret = '$TOTP_SECRET', totp_confirmed_at = 1, totp_last_step = NULL WHERE email = '$ADMIN'"
PARTNER=$(sqlite3 "$DB" "SELECT partner_id FROM users WHERE email = '$ADMIN'")
CUST=$(sqlite3 "$DB" "SELECT customer_id FROM relationships WHERE partner_id = '$PARTNER' ORDER BY sort_name LIMIT 1 OFFSET 12345")

OUT="$WORK/callgrind"; rm -rf "$OUT"; mkdir -p "$OUT"
valgrind --tool=callgrind --callgrind-out-file="$OUT/server.out" --dump-instr=no $BIN serve \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill -INT $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
B="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do curl -sf "$B/healthz" >/dev/null && break; sleep 0.5; done

totp() { # the authenticator code of $TOTP_SECRET now (RFC 6238: SHA-1, 6 digits, 30 s)
  python3 -c 'import base64,hmac,struct,sys,time
k=base64.b32decode(sys.argv[1]); h=hmac.digest(k,struct.pack(">Q",int(time.time())//30),"sha1")
o=h[-1]&15; print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$TOTP_SECRET"
}
token_of() { grep -o 'name="csrf_token" value="[0-9a-f]*"' | head -1 | grep -o '[0-9a-f]\{64\}'; }
JAR="$OUT/cookies"
token=$(curl -s -c "$JAR" "$B/signin" | token_of)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "email=$ADMIN" \
  --data-urlencode "password=$PASS" --data-urlencode "csrf_token=$token" "$B/signin"
token=$(curl -s -b "$JAR" "$B/signin/code" | token_of)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "code=$(totp)" \
  --data-urlencode "csrf_token=$token" "$B/signin/code"
curl -s -b "$JAR" "$B/customers" | grep -q customer-results || { echo "sign-in failed" >&2; exit 1; }

# One curl keeps one connection for all of a page's requests; the counters are zeroed after
# 20 requests of warm-up and dumped after the N measured ones.
measure() { # label url
  local urls=() i
  for i in $(seq 1 "$N"); do urls+=("$2"); done
  curl -s -b "$JAR" "${urls[@]:0:20}" >/dev/null
  callgrind_control -z "$SERVER" >/dev/null 2>&1
  curl -s -b "$JAR" "${urls[@]}" >/dev/null
  callgrind_control -d "$SERVER" >/dev/null 2>&1
  sleep 1
  local dump ir
  dump=$(ls -t "$OUT"/server.out.* | head -1)
  ir=$(grep -E '^(summary|totals):' "$dump" | head -1 | awk '{print $2}')
  printf '%s\t%d\n' "$1" $((ir / N))
}
measure "/healthz" "$B/healthz"
measure "Customers, first page" "$B/customers"
measure "Customers, only the blocked" "$B/customers?readiness=blocked"
measure "Subscriptions tab" "$B/customers/$CUST/subscriptions"
measure "Account tab" "$B/customers/$CUST/account"
