#!/usr/bin/env bash
# Soak test: mixed traffic for a long while against the release server (page views, searches,
# status changes, removals and reactivations through accepted invitations, sign-ins), on
# PostgreSQL with the database restarted at half time; prints what was served by kind, the 5xx
# (outside the restart's window and inside it), the p99 before and after, the server's peak RSS
# and `partnerdesk check` at the end. The driver is benches/soak.rs. Usage:
#   benches/soak.sh                                  # SQLite, 10 minutes, 64 connections
#   DURATION=60 benches/soak.sh                      # one minute, to try it
#   BACKEND=postgres benches/soak.sh                 # a throwaway PostgreSQL cluster (pg_createcluster,
#                                                    # port 5439), restarted at half time, dropped at the end
#   DATABASE_URL=postgres://u@host/db RESTART_DB_CMD='systemctl restart postgresql@15-x' benches/soak.sh
#                                                    # a given (emptied) database, and how to restart it
#   BIN=/tmp/partnerdesk-before benches/soak.sh      # a given build instead of this checkout's
# Never point it at a shared database server: it is restarted.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-600}         # seconds of load
CONNS=${CONNS:-64}
CUSTOMERS=${CUSTOMERS:-100000}    # the partner whose pages are read and subscriptions flipped
CHURN=${CHURN:-2000}              # the partner whose customers are removed and brought back
SIGNIN_ACCOUNTS=${SIGNIN_ACCOUNTS:-64}
PORT=${PORT:-18090}
BACKEND=${BACKEND:-$([ -n "${DATABASE_URL:-}" ] && echo "${DATABASE_URL%%:*}" || echo sqlite)}
[ "$BACKEND" = postgresql ] && BACKEND=postgres
PG_VERSION=${PG_VERSION:-$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)}
PG_CLUSTER=${PG_CLUSTER:-soak}
PG_PORT=${PG_PORT:-5439}
WORK=${WORK:-target/soak/$BACKEND}
rm -rf "$WORK"; mkdir -p "$WORK"
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN="${CARGO_TARGET_DIR:-target}/release/partnerdesk"
fi
cargo bench --bench soak --no-run --quiet 2>/dev/null

SERVER= RSS_LOOP= OWN_CLUSTER=
cleanup() {
  [ -n "$RSS_LOOP" ] && kill "$RSS_LOOP" 2>/dev/null
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
  if [ -n "$OWN_CLUSTER" ]; then
    pg_dropcluster --stop "$PG_VERSION" "$PG_CLUSTER" && echo "dropped PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
  fi
}
trap cleanup EXIT

RESTART_CMD=
case $BACKEND in
  sqlite)
    export DATABASE_URL="sqlite://$WORK/soak.db"
    sql() { sqlite3 "$WORK/soak.db" "$1"; } ;;
  postgres)
    if [ -z "${DATABASE_URL:-}" ]; then
      # A cluster of our own: the machine's shared server is never restarted.
      if pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c' | grep -q .; then
        echo "PostgreSQL cluster $PG_VERSION/$PG_CLUSTER exists (a run that did not finish?): dropping it"
        pg_dropcluster --stop "$PG_VERSION" "$PG_CLUSTER"
      fi
      pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" -- --auth=trust >/dev/null
      OWN_CLUSTER=yes
      pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
      psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE partnerdesk" postgres
      export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/partnerdesk"
      RESTART_CMD="pg_ctlcluster $PG_VERSION $PG_CLUSTER restart"
    else
      RESTART_CMD=${RESTART_DB_CMD:-}
      [ -n "$RESTART_CMD" ] || echo "no RESTART_DB_CMD given: the database is not restarted"
    fi
    sql() { psql -At "$DATABASE_URL" -c "$1"; } ;;
  *) echo "BACKEND must be sqlite or postgres" >&2; exit 2 ;;
esac

$BIN seed-demo --customers "$CUSTOMERS" --seed 1 | tee "$WORK/seed.txt"
$BIN seed-demo --customers "$CHURN" --subscriptions-per-customer 0 --seed 3 | tee -a "$WORK/seed.txt"

# Users with a known password and authenticator key, already set up: one per connection that
# reads pages, one per connection that removes customers, and the accounts people sign in to.
PASS="soak password $$ for the load users"
TOTP_SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
echo "$PASS" > "$WORK/password"
echo "$TOTP_SECRET" > "$WORK/totp-secret"
HASH=$(PARTNERDESK_ADMIN_PASSWORD="$PASS" $BIN hash-password)
add_users() { # the partner admin's email, id prefix, how many → their emails in $WORK/users-$2.txt
  local domain=${1#admin@}
  sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
       INSERT INTO users (id, partner_id, email, display_name, password_hash, active, failed_logins,
                          created_at, password_must_change, totp_secret, totp_confirmed_at)
       SELECT 'soak-$2-' || i, u.partner_id, 'soak-$2-' || i || '@$domain', 'Soak user $2 ' || i,
              '$HASH', TRUE, 0, u.created_at, FALSE, '$TOTP_SECRET', 1
       FROM n, users u WHERE u.email = '$1'" >/dev/null
  sql "INSERT INTO user_roles (user_id, role) SELECT id, 'global_admin' FROM users WHERE id LIKE 'soak-$2-%'" >/dev/null
  sql "SELECT email FROM users WHERE id LIKE 'soak-$2-%' ORDER BY created_at, email" > "$WORK/users-$2.txt"
}
add_users "admin@load$CUSTOMERS.example" browse "$CONNS"
add_users "admin@load$CUSTOMERS.example" signin "$SIGNIN_ACCOUNTS"
add_users "admin@load$CHURN.example" churn "$CONNS"
PA=$(sql "SELECT partner_id FROM users WHERE email = 'admin@load$CUSTOMERS.example'")
PB=$(sql "SELECT partner_id FROM users WHERE email = 'admin@load$CHURN.example'")
# Base subscriptions whose status the readers flip, 100 a connection, spread over the list.
sql "SELECT customer_id || '|' || id || '|' || status FROM subscriptions WHERE partner_id = '$PA'
     AND status IN ('active', 'suspended') AND parent_id IS NULL ORDER BY id LIMIT $((CONNS * 100))" > "$WORK/browse.txt"
sql "SELECT customer_id FROM relationships WHERE partner_id = '$PB' ORDER BY customer_id" > "$WORK/churn.txt"

export SESSION_KEY=$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n')
# The driver stands for a reverse proxy in front, reporting each person's own address.
export COOKIE_SECURE=false BIND="127.0.0.1:$PORT" RUST_LOG=warn TRUSTED_PROXIES=127.0.0.1
$BIN serve > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
(while sleep 10; do echo "$(date +%s) $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status)"; done) > "$WORK/rss.txt" 2>/dev/null &
RSS_LOOP=$!

commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo "+changes")
printf 'PartnerDesk soak: %s, %s UTC, commit %s, %s cores (%s), %s connections, %s s, %s + %s customers\n' \
  "$BACKEND" "$(date -u '+%Y-%m-%d %H:%M')" "$commit" "$(nproc)" \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" "$CONNS" "$DURATION" "$CUSTOMERS" "$CHURN"
[ -n "$RESTART_CMD" ] && echo "restarts the database at half time with: $RESTART_CMD"
RESTART_CMD="$RESTART_CMD" cargo bench --bench soak --quiet -- "$WORK" "http://127.0.0.1:$PORT" "$DURATION" "$CONNS" \
  | tee "$WORK/driver.txt"

HWM=$(awk '/VmHWM/ {print $2}' /proc/$SERVER/status)
kill "$RSS_LOOP"; RSS_LOOP=
kill -TERM "$SERVER"; wait "$SERVER" || true; SERVER=
printf 'server peak RSS (VmHWM): %.0f MB; RSS after the first minute %.0f MB, at the end %.0f MB\n' "$((HWM / 1024))" \
  "$(awk 'NR == 6 {v = $2} END {print v / 1024}' "$WORK/rss.txt")" "$(awk '{v = $2} END {print v / 1024}' "$WORK/rss.txt")"
printf 'server log: %s lines with "internal error", %s warnings\n' \
  "$(grep -c 'internal error' "$WORK/server.log" || true)" "$(grep -c 'WARN' "$WORK/server.log" || true)"
echo "partnerdesk check:"
set +e
$BIN check 2>&1 | sed 's/^/  /'
status=${PIPESTATUS[0]}
set -e
echo "partnerdesk check exit status: $status"
