#!/usr/bin/env bash
# Fan-out: one bulletin to N simulated receivers, server and simulator on this machine.
# Usage: bench/fanout.sh [N=1000] [MEDIA=ban-tin-sang.mp3]   (run from the repository root after
# `mvn -B -q package -DskipTests`). Prints one summary line; writes bench/results/fanout-N.json.
# Figures: receivers that played every frame with no underrun and no missed chunk, server CPU time
# (utime+stime from /proc, so the simulator's share of the machine is not counted), server RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
media=${2:-ban-tin-sang.mp3}
work=$(mktemp -d)
server_pid=""; sim_pid=""
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/config"
{
  echo "areas:"
  echo "  - {id: p, name: Bench province, level: province, children: [{id: c, name: Bench commune, level: commune}]}"
  echo "stations:"
  for i in $(seq -f "%05g" 1 "$n"); do echo "  - {id: b-$i, name: Loa $i, area: c}"; done
} > "$work/config/stations.yaml"
for i in $(seq -f "%05g" 1 "$n"); do echo "b-$i: bench-secret"; done > "$work/config/station-secrets.yaml"
printf 'heartbeatIntervalMs: 10000\nmediaDir: %s/playlists\n' "$PWD" > "$work/config/server.yaml"

java -jar server/target/loa-server.jar --config "$work/config" --data "$work/data" --receiver-port 0 --http-port 0 \
  > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 150); do grep -q "HTTP API listening" "$work/server.log" && break; sleep 0.2; done
rport=$(grep -oE "Receiver gateway listening on [^ ]+:[0-9]+" "$work/server.log" | grep -oE "[0-9]+$")
hport=$(grep -oE "HTTP API listening on http://[^ ]+:[0-9]+" "$work/server.log" | grep -oE "[0-9]+$")
api="http://127.0.0.1:$hport"

java -jar device-sim/target/loa-sim.jar --server "127.0.0.1:$rport" --stations "b-00001..$(printf '%05d' "$n")" \
  --secret bench-secret --ramp 3 --log "$work/sim.jsonl" > "$work/sim.out" 2>&1 &
sim_pid=$!
online=0
for _ in $(seq 300); do
  online=$(curl -fsS "$api/api/health" | grep -oE '"online":[0-9]+' | grep -oE '[0-9]+' || echo 0)
  [ "$online" -ge "$n" ] && break
  sleep 0.2
done
[ "$online" -ge "$n" ] || { echo "fanout: only $online of $n online"; exit 1; }
sleep 2
cpu_before=$(awk '{print $14+$15}' "/proc/$server_pid/stat")
reply=$(curl -fsS -H 'Content-Type: application/json' -d "{\"media\":[\"$media\"],\"targets\":{\"all\":true}}" \
  "$api/api/broadcasts")
id=$(echo "$reply" | grep -oE '"id":[0-9]+' | grep -oE '[0-9]+$')
duration_ms=$(echo "$reply" | grep -oE '"durationMs":[0-9]+' | grep -oE '[0-9]+$')
for _ in $(seq $(( duration_ms / 200 + 100 ))); do
  ended=$( { grep '"event":"play_end"' "$work/sim.jsonl" || true; } | { grep -c "\"session\":$id," || true; })
  [ "$ended" -ge "$n" ] && break
  sleep 0.2
done
cpu_after=$(awk '{print $14+$15}' "/proc/$server_pid/stat")
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
tick=$(getconf CLK_TCK)
cpu_ms=$(( (cpu_after - cpu_before) * 1000 / tick ))
clean=$( { grep '"event":"play_end"' "$work/sim.jsonl" || true; } | { grep "\"session\":$id," || true; } \
  | { grep -c '"reason":"COMPLETED".*"underruns":0,"missedChunks":0,"badFrames":0' || true; })
per_rx_min=$(awk -v c="$cpu_ms" -v n="$n" -v d="$duration_ms" 'BEGIN { printf "%.1f", c / (n * d / 60000) }')
mkdir -p bench/results
cat > "bench/results/fanout-$n.json" <<JSON
{"scenario":"fanout","receivers":$n,"media":"$media","durationMs":$duration_ms,"ended":$ended,"clean":$clean,
 "serverCpuMs":$cpu_ms,"serverCpuMsPerReceiverMinute":$per_rx_min,"serverRssKiB":$rss_kib,"cores":$(nproc),
 "date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}
JSON
echo "fanout: $clean/$n receivers clean (all frames, no underrun, no missed chunk); server CPU ${cpu_ms} ms for ${duration_ms} ms of audio = ${per_rx_min} CPU-ms per receiver-minute; RSS ${rss_kib} KiB"
