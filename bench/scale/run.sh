#!/usr/bin/env bash
# Scale benchmark: a national organisation's store (CASES cases, default 100000, with children,
# parties, 10-40 events, attachments, shares, help requests and 50 members; see
# crates/store-tests/examples/scale_seed.rs) in SQLite and in PostgreSQL, and the pages that
# read it under load with wrk: a parent's case list and case page, a volunteer's caseload, the
# coordinator's help-request inbox, the figures page and the calendar feed. Prints p50, p99 and
# req/s per page, the server's peak RSS, the database size and the start time, one table per
# backend. BACKENDS="sqlite postgres" (default both); PostgreSQL is the local test server
# (PG_URL, default postgres://postgres@127.0.0.1:5432/test), in a database of its own that is
# dropped afterwards.
# Needs: wrk, curl, python3, psql (Debian packages). Run from anywhere: bash bench/scale/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
CASES=${CASES:-100000}
BACKENDS=${BACKENDS:-sqlite postgres}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/test}
PORT=${PORT:-18090}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
server=
pg_db=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$pg_db" ] && psql -q "$PG_URL" -c "drop database if exists $pg_db with (force)" >/dev/null 2>&1 || true
  [ -z "${WORK:-}" ] && rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk curl python3 psql; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
# PROFILE=debug tries the script itself quickly; the figures are of a release build.
# BIN= and SEED= measure binaries built elsewhere (say, another checkout) with this script.
PROFILE=${PROFILE:-release}
if [ -n "${BIN:-}" ] && [ -n "${SEED:-}" ]; then
  :
elif [ "$PROFILE" = release ]; then
  cargo build --release -p routewijzer
  cargo build --release -p store-tests --example scale_seed
else
  cargo build -p routewijzer
  cargo build -p store-tests --example scale_seed
fi
bin=${BIN:-target/$PROFILE/routewijzer}
seed=${SEED:-target/$PROFILE/examples/scale_seed}
base=http://127.0.0.1:$PORT

wait_health() {
  for _ in $(seq 1 4000); do
    curl -sf -o /dev/null "$base/health" && return 0
    sleep 0.005
  done
  echo "server did not answer" >&2
  return 1
}

# The current TOTP code for a base32 secret (RFC 6238, as the app checks it).
totp() {
  python3 - "$1" <<'EOF'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
msg = struct.pack(">Q", int(time.time()) // 30)
h = hmac.new(key, msg, "sha1").digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1000000))
EOF
}

csrf_of() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

# Logs in `email` (with the second factor when the account has one); prints the session cookie.
login() {
  local email=$1 jar=$work/jar-$1
  rm -f "$jar"
  curl -s -c "$jar" -b "$jar" "$base/inloggen" -o "$work/page.html"
  local to
  to=$(curl -s -o "$work/page.html" -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "csrf=$(csrf_of "$work/page.html")" --data-urlencode "email=$email" \
    --data-urlencode "password=$password" "$base/inloggen")
  if [[ "$to" == */inloggen/code* ]]; then
    curl -s -c "$jar" -b "$jar" "$to" -o "$work/page.html"
    to=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
      --data-urlencode "csrf=$(csrf_of "$work/page.html")" --data-urlencode "code=$(totp "$totp_secret")" \
      "$base/inloggen/code")
  fi
  [ -n "$to" ] || { echo "login of $email failed" >&2; exit 1; }
  awk '$6 == "routewijzer" { print $7 }' "$jar"
}

# wrk on one page: prints "p50 p99 req/s" (latencies in ms).
measure() {
  local path=$1 cookie=${2:-}
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: routewijzer=$cookie"} "$base$path")
  [ "$code" = 200 ] || { echo "$path answers $code" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency \
    ${cookie:+-H "Cookie: routewijzer=$cookie"} "$base$path" >"$work/wrk.txt"
  python3 - "$work/wrk.txt" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)" % label, t, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
print("%.2f %.2f %.0f" % (ms("50"), ms("99"), rps))
EOF
}

for backend in $BACKENDS; do
  data=$work/$backend
  rm -rf "$data"
  export -n DATABASE_URL 2>/dev/null || true
  db_url=
  if [ "$backend" = postgres ]; then
    pg_db=rw_scale_$$
    psql -q "$PG_URL" -c "create database $pg_db" >/dev/null
    db_url=${PG_URL%/*}/$pg_db
  fi
  t0=$(date +%s)
  "$seed" --cases "$CASES" --data "$data" ${db_url:+--postgres "$db_url"} >"$work/seeded.env"
  seed_s=$(( $(date +%s) - t0 ))
  password=$(sed -n 's/^password=//p' "$work/seeded.env")
  totp_secret=$(sed -n 's/^totp=//p' "$work/seeded.env")
  case_id=$(sed -n 's/^case=//p' "$work/seeded.env")
  feed=$(sed -n 's/^feed=//p' "$work/seeded.env")

  t0=$(date +%s%3N)
  DATABASE_URL=$db_url "$bin" --listen 127.0.0.1:$PORT --data "$data" >"$work/server.log" 2>&1 &
  server=$!
  wait_health
  start_ms=$(( $(date +%s%3N) - t0 ))

  parent=$(login "$(sed -n 's/^parent=//p' "$work/seeded.env")")
  volunteer=$(login "$(sed -n 's/^volunteer=//p' "$work/seeded.env")")
  coordinator=$(login "$(sed -n 's/^coordinator=//p' "$work/seeded.env")")

  echo
  echo "== $backend, $CASES cases (seeded in ${seed_s} s), wrk $CONNECTIONS connections, $DURATION per page"
  printf '%-34s %9s %9s %9s\n' page "p50 ms" "p99 ms" "req/s"
  row() { printf '%-34s %9s %9s %9s\n' "$1" $(measure "$2" "${3:-}"); }
  row "case list (parent)" /dossiers "$parent"
  row "case page (parent)" "/dossiers/$case_id" "$parent"
  row "caseload /begeleiding (volunteer)" /begeleiding "$volunteer"
  row "help inbox (coordinator)" /organisatie/hulpvragen "$coordinator"
  row "figures (coordinator)" /organisatie/cijfers "$coordinator"
  row "calendar feed (coordinator)" "/agenda/$feed.ics"
  rss_kib=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
  if [ "$backend" = postgres ]; then
    db_bytes=$(psql -At "$db_url" -c "select pg_database_size(current_database())")
  else
    db_bytes=$(du -cb "$data"/routewijzer.sqlite* | tail -1 | cut -f1)
  fi
  echo "server peak RSS: $(( rss_kib / 1024 )) MiB; database: $(( db_bytes / 1024 / 1024 )) MiB; start to /health: $start_ms ms"
  kill "$server"; wait "$server" 2>/dev/null || true
  server=
  if [ -n "$pg_db" ]; then
    psql -q "$PG_URL" -c "drop database if exists $pg_db with (force)" >/dev/null
    pg_db=
  fi
done
