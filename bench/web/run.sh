#!/usr/bin/env bash
# Web benchmark: the route page of a stored session (P04 answered) against nginx serving the
# same HTML as a static file, with wrk at 64 connections; and the cold start of the server
# (process start to /health answering: content load, checks, migrations).
# Needs: wrk and nginx (Debian packages), curl. Run from anywhere: bash bench/web/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done

# BIN=path measures another build of the server (say, the one before a change) with the same
# script; without it the script builds and measures this checkout.
if [ -z "${BIN:-}" ]; then
  cargo build --release -p routewijzer
fi
bin=${BIN:-$root/target/release/routewijzer}

wait_health() {
  local url=$1
  for _ in $(seq 1 2000); do
    curl -sf -o /dev/null "$url" && return 0
    sleep 0.005
  done
  echo "server did not answer $url" >&2
  return 1
}

# Cold start: first start on a new data folder (creates the database, runs the full content
# check with the intake walk), then warm-cache starts (the walk is remembered per content).
echo "== cold start (process start to /health answering)"
data=$work/data
now_ms() { date +%s%3N; }
t0=$(now_ms)
"$bin" --listen 127.0.0.1:$APP_PORT --data "$data" >"$work/first.log" 2>&1 &
p=$!
wait_health "http://127.0.0.1:$APP_PORT/health"
echo "first start, new data folder, full check with intake walk: $(( $(now_ms) - t0 )) ms"
kill "$p"; wait "$p" 2>/dev/null || true
times=()
for _ in 1 2 3 4 5 6 7; do
  rm -f "$data"/routewijzer.sqlite*   # a fresh database every time: migrations run
  t0=$(now_ms)
  "$bin" --listen 127.0.0.1:$APP_PORT --data "$data" >"$work/start.log" 2>&1 &
  p=$!
  wait_health "http://127.0.0.1:$APP_PORT/health"
  times+=($(( $(now_ms) - t0 )))
  kill "$p"; wait "$p" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "later starts (content checked before, new database): ${times[*]} ms; median ${sorted[3]} ms"

# The server for the throughput run, with a session that answered P04.
"$bin" --listen 127.0.0.1:$APP_PORT --data "$data" >"$work/app.log" 2>&1 &
pids+=($!)
wait_health "http://127.0.0.1:$APP_PORT/health"
jar=$work/cookies
bash bench/web/intake.sh "http://127.0.0.1:$APP_PORT" "$jar" bench/web/p04.answers >/dev/null
cookie=$(awk '$6 == "routewijzer" { print $7 }' "$jar")
[ -n "$cookie" ] || { echo "no session cookie" >&2; exit 1; }
mkdir -p "$work/www"
# nginx workers run as an unprivileged user: they must be able to read the file.
chmod 755 "$work" "$work/www"
curl -sf -b "$jar" "http://127.0.0.1:$APP_PORT/route" -o "$work/www/route.html"
gzip -6 -k -n "$work/www/route.html"
chmod 644 "$work/www/route.html" "$work/www/route.html.gz"
echo "== route page: $(wc -c < "$work/www/route.html") bytes, gzip $(wc -c < "$work/www/route.html.gz") bytes"

cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  # The precompressed route.html.gz for clients that accept gzip, as the app sends its own.
  gzip_static on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
  }
}
NGINX
nginx -c "$work/nginx.conf"
wait_health "http://127.0.0.1:$NGINX_PORT/route.html"

run_wrk() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@"
}
echo "== routewijzer /route (session cookie, $CONNECTIONS connections, $DURATION)"
app_out=$(run_wrk -H "Cookie: routewijzer=$cookie" "http://127.0.0.1:$APP_PORT/route")
echo "$app_out"
echo "== nginx, same HTML as a static file"
nginx_out=$(run_wrk "http://127.0.0.1:$NGINX_PORT/route.html")
echo "$nginx_out"
# Browsers send Accept-Encoding: gzip; both then send the page compressed once in advance.
gz="Accept-Encoding: gzip"
echo "== routewijzer /route, gzip"
app_gz=$(run_wrk -H "Cookie: routewijzer=$cookie" -H "$gz" "http://127.0.0.1:$APP_PORT/route")
echo "$app_gz"
echo "== nginx, gzip_static"
nginx_gz=$(run_wrk -H "$gz" "http://127.0.0.1:$NGINX_PORT/route.html")
echo "$nginx_gz"

rps() { awk '/Requests\/sec/ { print $2 }' <<<"$1"; }
p99() { awk '$1 == "99%" { print $2 }' <<<"$1"; }
non2xx() { awk '/Non-2xx/ { print $NF }' <<<"$1"; }
a=$(rps "$app_out"); n=$(rps "$nginx_out")
echo
echo "== summary"
echo "routewijzer: $a req/s, p99 $(p99 "$app_out"), non-2xx: $(non2xx "$app_out")"
echo "nginx:       $n req/s, p99 $(p99 "$nginx_out")"
awk -v a="$a" -v n="$n" 'BEGIN { printf "ratio routewijzer/nginx: %.2f (goal >= 0.50)\n", a / n }'
a=$(rps "$app_gz"); n=$(rps "$nginx_gz")
echo "gzip: routewijzer $a req/s, p99 $(p99 "$app_gz"), non-2xx: $(non2xx "$app_gz")"
echo "gzip: nginx       $n req/s, p99 $(p99 "$nginx_gz")"
awk -v a="$a" -v n="$n" 'BEGIN { printf "gzip ratio routewijzer/nginx: %.2f (goal >= 0.80; p99 goal < 5 ms)\n", a / n }'
