#!/usr/bin/env bash
# Walks the intake of a running Routewijzer with curl, answering from a list of
# "question-id=value" lines (values of a multi question joined with ","; "skip" skips an optional
# question). A question not in the list gets its first option. Prints the final URL.
# Usage: intake.sh BASE_URL COOKIE_JAR ANSWERS_FILE
set -euo pipefail
base=$1 jar=$2 answers=$3
url="$base/vragen"
for _ in $(seq 1 60); do
  final=$(curl -s -o /tmp/rw-intake-page.html -w '%{url_effective}' -L -c "$jar" -b "$jar" "$url")
  case "$final" in
    */vragen/*|*/regio) ;;
    *) echo "$final"; exit 0 ;;
  esac
  id=${final##*/}
  [ "$id" = regio ] && id=regio
  csrf=$(grep -o 'name="csrf" value="[^"]*"' /tmp/rw-intake-page.html | head -1 | sed 's/.*value="//; s/"$//')
  value=$(grep -E "^$id=" "$answers" | head -1 | cut -d= -f2- || true)
  if [ -z "$value" ]; then
    value=$(grep -o 'name="antwoord" value="[^"]*"' /tmp/rw-intake-page.html | head -1 | sed 's/.*value="//; s/"$//')
  fi
  args=(--data-urlencode "csrf=$csrf")
  if [ "$value" = skip ]; then
    args+=(--data-urlencode "antwoord=_overslaan" --data-urlencode "overslaan=1")
  elif [[ "$value" =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})$ ]]; then
    args+=(--data-urlencode "jaar=${BASH_REMATCH[1]}" --data-urlencode "maand=${BASH_REMATCH[2]}" --data-urlencode "dag=${BASH_REMATCH[3]}")
  else
    IFS=',' read -ra parts <<< "$value"
    for p in "${parts[@]}"; do args+=(--data-urlencode "antwoord=$p"); done
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "${args[@]}" "$final")
  if [ "$code" != 303 ]; then
    echo "answer to $id was refused (HTTP $code)" >&2
    exit 1
  fi
  url="$base/vragen"
  # Follow the natural order: after an answer the server redirects to the next question.
done
echo "intake did not finish" >&2
exit 1
