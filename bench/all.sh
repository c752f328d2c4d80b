#!/usr/bin/env bash
# Every scenario at N receivers, one after the other: bench/all.sh 1000; bench/all.sh 10000.
set -uo pipefail
cd "$(dirname "$0")"
n=${1:-1000}
for scenario in fanout alert schedule reconnect slow; do
  bash "./$scenario.sh" "$n" 2>&1 | tail -1
done
