#!/usr/bin/env bash
# Scenario 4, reconnect storm: N receivers connected; the server is stopped and started again on the
# same port; seconds from the new process's start until all N are online, and how many reconnect
# attempts the receivers made. Usage: bench/reconnect.sh N
source "$(dirname "$0")/lib.sh"
n=${1:-1000}
need ffmpeg curl
make_media
write_config "$n"
port=$((20000 + RANDOM % 20000))
start_server "$port"
start_sim "$n"
wait_online "$n"
sleep 3
before=$(grep -c '"event":"reconnect_scheduled"' "$work/sim.jsonl" || true)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
sleep 2
started=$(now_ms)
start_server "$port"
wait_online "$n" 300
back=$(now_ms)
sleep 1
attempts=$(( $(grep -c '"event":"reconnect_scheduled"' "$work/sim.jsonl" || true) - before ))
seconds=$(awk -v a="$started" -v b="$back" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
told=$(grep -c "\"lastError\":\"SHUTTING_DOWN\"" "$work/sim.jsonl" || true)
mkdir -p bench/results
steal=$(steal_pct)
cat > "bench/results/reconnect-$n.json" <<JSON
{"scenario":"reconnect","receivers":$n,"secondsUntilAllOnline":$seconds,"reconnectAttempts":$attempts,"toldShuttingDown":$told,
 "cores":$(nproc),"stealPct":$steal,"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}
JSON
echo "reconnect N=$n: all $n online again $seconds s after the server process started (JVM start included), $attempts reconnect attempts; $told receivers were told SHUTTING_DOWN | host steal ${steal}%"
