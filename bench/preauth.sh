#!/usr/bin/env bash
# Pre-auth flood: the server with the sample configuration and default receiverLimits; idle sockets that
# never say HELLO, from one and from 100 loopback addresses, and from the receivers' own address (a device
# behind their NAT: 32, a full per-address cap, and 64, twice it, each reopened the moment the server closes
# it); how many the server holds, and how long the 20 sample receivers take to log in beside them.
# Needs `ulimit -n` above the largest count.
# Usage: bench/preauth.sh (after mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
java -jar server/target/loa-server.jar --config config --data "$work/data" --receiver-port 0 --http-port 0 \
  > "$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "HTTP API listening" "$work/server.log" && break; sleep 0.2; done
port=$(grep -oE "Receiver gateway listening on [^ ]+:[0-9]+" "$work/server.log" | grep -oE "[0-9]+$")
echo "preauth: ulimit -n $(ulimit -n), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for run in "0 1" "5000 1" "5000 100" "15000 100" "32 own" "64 own"; do
  # shellcheck disable=SC2086
  java -cp device-sim/target/loa-sim.jar bench/PreAuthFlood.java "$port" $run config/station-secrets.yaml
  sleep 1
done
echo "preauth: server file descriptors at the end: $(ls "/proc/$server_pid/fd" | wc -l)"
