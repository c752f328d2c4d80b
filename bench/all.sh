#!/usr/bin/env bash
# Every scenario at N receivers, one after the other: bench/all.sh 1000; bench/all.sh 10000.
# Prints each scenario's summary line, or the end of its output when it fails.
set -uo pipefail
cd "$(dirname "$0")"
n=${1:-1000}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for scenario in ${LOA_SCENARIOS:-fanout alert schedule reconnect slow}; do
  if bash "./$scenario.sh" "$n" > "$out" 2>&1; then
    tail -1 "$out"
  else
    echo "$scenario N=$n FAILED:"; grep -v '^\s*at ' "$out" | tail -5
  fi
done
