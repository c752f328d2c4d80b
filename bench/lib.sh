#!/usr/bin/env bash
# Shared pieces of the bench scripts: a generated N-station configuration, the server and simulator
# as background processes, CPU and memory read from /proc, percentiles. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ulimit -n 1048576 2>/dev/null || ulimit -n 65536 2>/dev/null || true
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # LOA_BENCH_KEEP=DIR keeps the run's logs (server log, simulator event log) for a closer look.
  if [ -n "${LOA_BENCH_KEEP:-}" ]; then mkdir -p "$LOA_BENCH_KEEP"; cp "$work"/*.log "$work"/*.jsonl "$LOA_BENCH_KEEP"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# This machine is a virtual one: the host can run other guests on its cores ("steal" in /proc/stat).
# Every scenario reports the share of the machine's CPU time stolen while it ran, since the figures
# of a run with much steal say more about the neighbours than about Loa.
read -r _ u n s i w q sq st _ < /proc/stat
steal_start=$st
total_start=$((u + n + s + i + w + q + sq + st))
steal_pct() {
  local u n s i w q sq st
  read -r _ u n s i w q sq st _ < /proc/stat
  awk -v a=$((st - steal_start)) -v b=$((u + n + s + i + w + q + sq + st - total_start)) \
    'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }'
}

need() {
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null || { echo "bench: $cmd is missing (apt-get install icecast2 mosquitto ffmpeg curl)"; exit 2; }
  done
  [ -f server/target/loa-server.jar ] && [ -f device-sim/target/loa-sim.jar ] && [ -f bench/target/loa-bench.jar ] \
    || { echo "bench: build first: mvn -B -q package -DskipTests"; exit 2; }
}

# A 60 s, 64 kbit/s mono MP3 made from the sample bulletin, the same file for Loa and Icecast.
make_media() {
  mkdir -p "$work/media"
  ffmpeg -v error -stream_loop 10 -i playlists/ban-tin-sang.mp3 -t 60 -ar 44100 -ac 1 -c:a libmp3lame -b:a 64k \
    "$work/media/bench-64k.mp3"
  ffmpeg -v error -i "$work/media/bench-64k.mp3" -t 3 -c copy "$work/media/bench-warmup.mp3"
  ffmpeg -v error -i "$work/media/bench-64k.mp3" -t 20 -c copy "$work/media/bench-warmup-20s.mp3"
}

# Both JVMs compile the playout and receiver code paths on first use: in the first 5 s of the first
# session to 10,000 receivers the C2 compiler alone took 2 s of CPU in the server and 2 s in the
# simulator, on a machine with 10 s to give. A server runs for months, so the figures are taken
# after a 20 s session cut by a 3 s emergency has run those paths; LOA_BENCH_COLD=1 skips it.
# 20 s, because the per-receiver paths run once a second per receiver: a 3 s warm-up left C2 compiling
# for 15 s into a 1,000-receiver fan-out, half the server's CPU there.
warm_up() {
  local n=$1 normal emergency
  [ -n "${LOA_BENCH_COLD:-}" ] && return 0
  normal=$(post /api/broadcasts '{"media":["bench-warmup-20s.mp3"],"targets":{"all":true}}' | session_id)
  sleep 1
  emergency=$(post /api/broadcasts '{"media":["bench-warmup.mp3"],"priority":"EMERGENCY","targets":{"all":true}}' | session_id)
  for _ in $(seq 300); do
    [ "$(event_times play_end "$normal" | wc -l)" -ge $((2 * n)) ] && break
    sleep 0.2
  done
  sleep 2
}

# The "id" of the JSON reply on stdin.
session_id() { grep -oE '"id":[0-9]+' | head -1 | grep -oE '[0-9]+$'; }

# Station registry and secrets for N stations b-00001.. in one commune; server.yaml with the media.
write_config() {
  local n=$1
  mkdir -p "$work/config"
  {
    echo "areas:"
    echo "  - {id: p, name: Bench province, level: province, children: [{id: c, name: Bench commune, level: commune}]}"
    echo "stations:"
    seq -f "  - {id: b-%05g, area: c}" 1 "$n" | sed "s/{id: \\(b-[0-9]*\\),/{id: \\1, name: Loa \\1,/"
  } > "$work/config/stations.yaml"
  seq -f "b-%05g: bench-secret" 1 "$n" > "$work/config/station-secrets.yaml"
  printf 'heartbeatIntervalMs: 10000\nmediaDir: %s\nquietHours: none\n' "$work/media" > "$work/config/server.yaml"
  # Every simulated receiver comes from 127.0.0.1, where real ones come from their own addresses (or a
  # carrier NAT): the per-address handshake cap would measure that artefact, so it is raised to the
  # total cap, which stays at its default and is measured.
  printf 'receiverLimits:\n  preAuthPerAddress: 1024\n' >> "$work/config/server.yaml"
}

# Starts the server on the given receiver port (0: any) and sets server_pid, rport, api.
start_server() {
  local port=${1:-0}
  # A heap that gives memory back after a collection, so RSS shows what the receivers hold, not garbage.
  LOA_ADMIN_TOKEN=bench-token java ${LOA_SERVER_JAVA_OPTS:--Xms64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20} \
    -jar server/target/loa-server.jar --config "$work/config" \
    --data "$work/data" --receiver-port "$port" --http-port 0 > "$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 300); do grep -q "HTTP API listening" "$work/server.log" && break; sleep 0.2; done
  rport=$(grep -oE "Receiver gateway listening on [^ ]+:[0-9]+" "$work/server.log" | tail -1 | grep -oE "[0-9]+$")
  api="http://127.0.0.1:$(grep -oE "HTTP API listening on http://[^ ]+:[0-9]+" "$work/server.log" | tail -1 | grep -oE "[0-9]+$")"
}

# N simulated receivers on one JVM; extra simulator options after N.
start_sim() {
  local n=$1; shift
  java ${LOA_SIM_JAVA_OPTS:--Xmx2g} -jar device-sim/target/loa-sim.jar --server "127.0.0.1:$rport" \
    --stations "b-00001..$(printf '%05d' "$n")" --secret bench-secret --ramp "${RAMP:-5}" --log "$work/sim.jsonl" "$@" \
    > "$work/sim.out" 2>&1 &
  sim_pid=$!
  pids+=("$sim_pid")
}

online() {
  curl -fsS "$api/api/health" 2>/dev/null | grep -oE '"online":[0-9]+' | grep -oE '[0-9]+' || echo 0
}

wait_online() {
  local n=$1 limit=${2:-600}
  for _ in $(seq $((limit * 5))); do [ "$(online)" -ge "$n" ] && return 0; sleep 0.2; done
  echo "bench: only $(online) of $n receivers online"; exit 1
}

post() {
  curl -fsS -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' -d "$2" "$api$1"
}

cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$1/stat"; }
rss_kib() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }
# RSS after a full collection: what the process holds, not what it has not yet collected.
gc_rss_kib() { jcmd "$1" GC.run > /dev/null 2>&1 || true; sleep 2; rss_kib "$1"; }
now_ms() { date +%s%3N; }

# True when something accepts connections on this loopback port.
accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port for Icecast2 or Mosquitto, below the kernel's ephemeral range: 10,000 receivers' connections
# and their TIME_WAITs fill that range, and a port picked inside it was once taken when Mosquitto
# started ("connection refused" 50 times in the MQTT client).
spare_port() {
  local low port
  low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range)
  [ "$low" -gt 11000 ] || { echo "the ephemeral range starts at $low: no room for a port below it" >&2; return 1; }
  for _ in $(seq 20); do
    port=$((10000 + RANDOM % (low - 10000)))
    accepts "$port" || { echo "$port"; return 0; }
  done
  echo "no free port below $low" >&2; return 1
}

# Waits until a comparison server accepts on PORT; else shows its log and stops the run.
wait_listening() {
  local port=$1 name=$2 log=$3
  for _ in $(seq 100); do
    accepts "$port" && return 0
    sleep 0.1
  done
  echo "$name did not listen on port $port within 10 s; its log:" >&2
  cat "$log" >&2
  exit 1
}

# p50 p99 max of the numbers on stdin, one per line.
percentiles() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-1 -1 -1"; exit }
    i50 = int(NR * 0.50 + 0.999); i99 = int(NR * 0.99 + 0.999); printf "%d %d %d\n", v[i50], v[i99], v[NR] }'
}

# One numeric field of a session's simulator events of one kind, one per line.
event_field() {
  awk -v e="\"event\":\"$1\"" -v s="\"session\":$2" -v f="\"$3\":" \
    'index($0, e) && (index($0, s ",") || index($0, s "}")) && (i = index($0, f)) { print substr($0, i + length(f)) + 0 }' \
    "$work/sim.jsonl"
}

# Simulator events of one kind for one session: "t" of each, one per line.
event_times() {
  awk -v e="\"event\":\"$1\"" -v s="\"session\":$2" \
    'index($0, e) && (index($0, s ",") || index($0, s "}")) { match($0, /"t":[0-9]+/); print substr($0, RSTART + 4, RLENGTH - 4) }' \
    "$work/sim.jsonl"
}
