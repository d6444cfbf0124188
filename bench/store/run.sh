#!/usr/bin/env bash
# Store benchmark: an 8 MB attachment uploaded and downloaded through the pages (throughput,
# the server's peak RSS), and the case page and route page with wrk, for one or two builds in
# one run. BIN is the build to measure (default: this checkout, built here); BIN_PLAIN, when
# given, a build without sealing (the commit before it), measured the same way right after.
# Needs: wrk, curl. Run from anywhere: bash bench/store/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
PORT=${PORT:-18090}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk curl)" >&2; exit 1; }
done
if [ -z "${BIN:-}" ]; then
  cargo build --release -p routewijzer
fi
bin=${BIN:-$root/target/release/routewijzer}
base=http://127.0.0.1:$PORT

# An 8 MB PDF (just under the limit, with room for the form's other fields).
size=$((8 * 1024 * 1024 - 4096))
{ printf '%%PDF-1.4\n'; head -c $((size - 9)) /dev/urandom; } > "$work/big.pdf"

csrf_of() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
kb() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$pid/status"; }

measure() {
  local label=$1 bin=$2
  local data=$work/data-$label jar=$work/jar-$label
  ROUTEWIJZER_KEY_FILE=$work/$label.key "$bin" --listen 127.0.0.1:$PORT --data "$data" \
    --content-check without-walk >"$work/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do curl -sf -o /dev/null "$base/health" && break; sleep 0.01; done
  curl -s -c "$jar" -b "$jar" "$base/account/nieuw" -o "$work/page.html"
  curl -s -c "$jar" -b "$jar" -o /dev/null "$base/account/nieuw" \
    --data-urlencode "csrf=$(csrf_of "$work/page.html")" --data-urlencode "email=bench@example.nl" \
    --data-urlencode "password=een lang wachtwoord" --data-urlencode "password2=een lang wachtwoord"
  curl -s -c "$jar" -b "$jar" "$base/dossiers" -o "$work/page.html"
  local case
  case=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/dossiers" \
    --data-urlencode "csrf=$(csrf_of "$work/page.html")" --data-urlencode "title=Sam")
  case=${case##*/}
  local rss_before up=() down=()
  rss_before=$(kb VmRSS)
  for _ in $(seq 1 "$ROUNDS"); do
    curl -s -c "$jar" -b "$jar" "$base/dossiers/$case" -o "$work/page.html"
    up+=($(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{time_total}' "$base/dossiers/$case/gebeurtenissen" \
      -F "csrf=$(csrf_of "$work/page.html")" -F kind=conversation -F date=2026-10-14 \
      -F title=Brief -F notes=Aantekening -F "bestand=@$work/big.pdf;type=application/pdf"))
  done
  curl -s -c "$jar" -b "$jar" "$base/dossiers/$case" -o "$work/page.html"
  local link
  link=$(grep -o "/dossiers/$case/bijlagen/[^\"]*" "$work/page.html" | head -1)
  for _ in $(seq 1 "$ROUNDS"); do
    down+=($(curl -s -b "$jar" -o "$work/down.pdf" -w '%{time_total}' "$base$link"))
  done
  cmp -s "$work/big.pdf" "$work/down.pdf" || { echo "$label: the download differs from the upload" >&2; exit 1; }
  local rss_peak
  rss_peak=$(kb VmHWM)
  local mb_up mb_down
  mb_up=$(printf '%s\n' "${up[@]}" | sort -n | awk -v s="$size" '{ t[NR] = $1 } END { printf "%.0f", s / t[int((NR + 1) / 2)] / 1048576 }')
  mb_down=$(printf '%s\n' "${down[@]}" | sort -n | awk -v s="$size" '{ t[NR] = $1 } END { printf "%.0f", s / t[int((NR + 1) / 2)] / 1048576 }')
  local cookie
  cookie=$(awk '$6 == "routewijzer" { print $7 }' "$jar")
  local case_rps route_rps
  case_rps=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: routewijzer=$cookie" "$base/dossiers/$case" | awk '/Requests\/sec/ { print $2 }')
  local ijar=$work/intake-$label
  bash bench/web/intake.sh "$base" "$ijar" bench/web/p04.answers >/dev/null
  local icookie
  icookie=$(awk '$6 == "routewijzer" { print $7 }' "$ijar")
  route_rps=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: routewijzer=$icookie" "$base/route" | awk '/Requests\/sec/ { print $2 }')
  printf '%-8s upload %5s MB/s  download %5s MB/s  RSS %6s -> peak %6s KiB  case page %9s req/s  route page %9s req/s\n' \
    "$label" "$mb_up" "$mb_down" "$rss_before" "$rss_peak" "$case_rps" "$route_rps"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
}

echo "== 8 MB attachment (median of $ROUNDS), pages with wrk ($CONNECTIONS connections, $DURATION)"
measure sealed "$bin"
if [ -n "${BIN_PLAIN:-}" ]; then
  measure plain "$BIN_PLAIN"
fi
