#!/usr/bin/env bash
# Letter PDF: in-process typst render against LibreOffice converting the same letter's DOCX.
# Builds the release example, writes the sample letter (PDF and DOCX), times the in-process PDF
# render (median of many runs), times `libreoffice --headless --convert-to pdf` on the DOCX
# (median of several runs, each a fresh process as a server would call it), and prints the ratio.
# Needs libreoffice (Debian: libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-50}
LO_RUNS=${LO_RUNS:-7}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cargo build --release --locked -p letters --example time_letter
typst=$(target/release/examples/time_letter "$out" "$RUNS")
echo "$typst"
typst_ms=$(echo "$typst" | awk '/^median_ms/ {print $2}')
varying_ms=$(echo "$typst" | awk '/^median_varying_ms/ {print $2}')

lo_times=()
for i in $(seq "$LO_RUNS"); do
  rm -f "$out/lo/letter.pdf"
  start=$(date +%s%N)
  libreoffice -env:UserInstallation="file://$out/lo-profile" --headless --convert-to pdf --outdir "$out/lo" "$out/letter.docx" >/dev/null 2>&1
  end=$(date +%s%N)
  test -s "$out/lo/letter.pdf"
  lo_times+=("$(( (end - start) / 1000000 ))")
done
lo_ms=$(printf '%s\n' "${lo_times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "libreoffice runs (ms): ${lo_times[*]}"
echo "libreoffice_median_ms $lo_ms"
awk -v lo="$lo_ms" -v t="$typst_ms" -v v="$varying_ms" 'BEGIN {
  printf "ratio (libreoffice / in-process, same letter): %.0fx\n", lo / t
  printf "ratio (libreoffice / in-process, text varies per run): %.0fx\n", lo / v
}'
