#!/usr/bin/env bash
# Scenario 1, fan-out: one 60 s, 64 kbit/s MP3 to N receivers, Loa beside Icecast2 on this machine.
# Usage: bench/fanout.sh N   (after mvn -B -q package -DskipTests; needs icecast2, ffmpeg)
# Loa: N simulated receivers, the bulletin to all; clean = every frame played, no underrun, no missed
# chunk. Icecast2: started here with its own config on loopback, fed the same file in real time by
# ffmpeg; N plain HTTP listeners (bench/target/loa-bench.jar) play it through the same buffer model.
# Server CPU is the server process's own (utime+stime from /proc); RSS per receiver is what the
# connected receivers added to the idle process.
source "$(dirname "$0")/lib.sh"
n=${1:-1000}
need ffmpeg icecast2 curl
make_media
write_config "$n"

# --- Loa
start_server
sleep 3
rss_idle=$(gc_rss_kib "$server_pid")
start_sim "$n"
wait_online "$n"
warm_up "$n"
sleep 3
rss_connected=$(gc_rss_kib "$server_pid")
cpu0=$(cpu_ms "$server_pid")
reply=$(post /api/broadcasts '{"media":["bench-64k.mp3"],"targets":{"all":true}}')
id=$(echo "$reply" | grep -oE '"id":[0-9]+' | grep -oE '[0-9]+$')
duration_ms=$(echo "$reply" | grep -oE '"durationMs":[0-9]+' | grep -oE '[0-9]+$')
for _ in $(seq $((duration_ms / 200 + 150))); do
  ended=$(event_times play_end "$id" | wc -l)
  [ "$ended" -ge "$n" ] && break
  sleep 0.2
done
cpu1=$(cpu_ms "$server_pid")
rss_playing=$(rss_kib "$server_pid")
clean=$({ grep '"event":"play_end"' "$work/sim.jsonl" || true; } | { grep "\"session\":$id," || true; } \
  | { grep -c '"reason":"COMPLETED".*"underruns":0,"missedChunks":0,"badFrames":0' || true; })
lagged=$(curl -fsS -H 'Authorization: Bearer bench-token' "$api/metrics" | awk '/^loa_receivers_lagged_total/ { print $2 }')
ends=$({ grep '"event":"play_end"' "$work/sim.jsonl" || true; } | { grep "\"session\":$id," || true; })
with_underruns=$(echo "$ends" | { grep -c '"underruns":[1-9]' || true; })
with_missed=$(echo "$ends" | { grep -c '"missedChunks":[1-9]' || true; })
sim_cpu=$(cpu_ms "$sim_pid")
kill "$sim_pid" "$server_pid"; wait "$sim_pid" "$server_pid" 2>/dev/null || true
loa_cpu=$((cpu1 - cpu0))
loa_per_min=$(awk -v c="$loa_cpu" -v n="$n" -v d="$duration_ms" 'BEGIN { printf "%.2f", c / (n * d / 60000) }')
loa_rss_rx=$(awk -v a="$rss_idle" -v b="$rss_connected" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n }')

if [ -n "${LOA_ONLY:-}" ]; then
  echo "fanout N=$n: Loa $clean/$n clean ($with_underruns with underruns, $with_missed with missed chunks, server marked ${lagged:-0} lagging), $loa_per_min CPU-ms/receiver-min, ${loa_rss_rx} KiB/receiver (RSS idle $rss_idle, connected $rss_connected, playing $rss_playing KiB); simulator CPU $((sim_cpu / 1000)) s"
  exit 0
fi

# --- Icecast2 with the same file, fed in real time
ice_port=$(spare_port)
mkdir -p "$work/icecast/log"
# Icecast refuses to run as root; when the bench runs as root it drops to nobody.
changeowner=""
if [ "$(id -u)" = 0 ]; then
  changeowner="<changeowner><user>nobody</user><group>nogroup</group></changeowner>"
  chmod 755 "$work"; chmod -R 777 "$work/icecast"
fi
cat > "$work/icecast/icecast.xml" <<XML
<icecast>
  <limits><clients>$((n + 100))</clients><sources>2</sources><queue-size>524288</queue-size>
    <client-timeout>30</client-timeout><header-timeout>15</header-timeout><source-timeout>10</source-timeout>
    <burst-on-connect>1</burst-on-connect><burst-size>16384</burst-size></limits>
  <authentication><source-password>bench</source-password><admin-user>admin</admin-user>
    <admin-password>bench</admin-password></authentication>
  <hostname>127.0.0.1</hostname>
  <listen-socket><port>$ice_port</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <fileserve>0</fileserve>
  <paths><basedir>$work/icecast</basedir><logdir>$work/icecast/log</logdir><pidfile>$work/icecast/pid</pidfile></paths>
  <logging><errorlog>error.log</errorlog><accesslog>access.log</accesslog><loglevel>2</loglevel></logging>
  <security><chroot>0</chroot>$changeowner</security>
</icecast>
XML
icecast2 -c "$work/icecast/icecast.xml" > "$work/icecast/out.log" 2>&1 &
ice_pid=$!
pids+=("$ice_pid")
wait_listening "$ice_port" Icecast2 "$work/icecast/out.log"
ffmpeg -v error -re -stream_loop -1 -i "$work/media/bench-64k.mp3" -c copy -content_type audio/mpeg -f mp3 \
  "icecast://source:bench@127.0.0.1:$ice_port/loa.mp3" > "$work/ffmpeg.log" 2>&1 &
pids+=("$!")
sleep 3
ice_rss_idle=$(rss_kib "$ice_pid")
ice_cpu0=$(cpu_ms "$ice_pid")
listeners=$(java -Xmx1g -jar bench/target/loa-bench.jar listeners 127.0.0.1 "$ice_port" /loa.mp3 "$n" 60 64)
ice_cpu1=$(cpu_ms "$ice_pid")
ice_rss=$(rss_kib "$ice_pid")
ice_clean=$(echo "$listeners" | grep -oE '"clean":[0-9]+' | grep -oE '[0-9]+$')
ice_cpu=$((ice_cpu1 - ice_cpu0))
ice_per_min=$(awk -v c="$ice_cpu" -v n="$n" 'BEGIN { printf "%.2f", c / n }')
ice_rss_rx=$(awk -v a="$ice_rss_idle" -v b="$ice_rss" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n }')
ratio=$(awk -v a="$loa_per_min" -v b="$ice_per_min" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')

mkdir -p bench/results
steal=$(steal_pct)
cat > "bench/results/fanout-$n.json" <<JSON
{"scenario":"fanout","receivers":$n,"mediaKbps":64,"durationMs":$duration_ms,
 "loa":{"ended":$ended,"clean":$clean,"withUnderruns":$with_underruns,"withMissedChunks":$with_missed,
        "serverLaggedReceivers":${lagged:-0},"simulatorCpuMsTotal":$sim_cpu,"serverCpuMs":$loa_cpu,"cpuMsPerReceiverMinute":$loa_per_min,
        "rssIdleKiB":$rss_idle,"rssConnectedKiB":$rss_connected,"rssPlayingKiB":$rss_playing,"rssKiBPerReceiver":$loa_rss_rx},
 "icecast":{"listeners":$listeners,"serverCpuMs":$ice_cpu,"cpuMsPerListenerMinute":$ice_per_min,
        "rssIdleKiB":$ice_rss_idle,"rssKiB":$ice_rss,"rssKiBPerListener":$ice_rss_rx},
 "cpuRatioLoaToIcecast":"$ratio","cores":$(nproc),"stealPct":$steal,"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}
JSON
echo "fanout N=$n: Loa $clean/$n clean ($with_underruns with underruns, $with_missed with missed chunks, server marked ${lagged:-0} lagging), $loa_per_min CPU-ms/receiver-min, ${loa_rss_rx} KiB/receiver | Icecast2 $ice_clean/$n clean, $ice_per_min CPU-ms/listener-min, ${ice_rss_rx} KiB/listener | CPU Loa/Icecast = $ratio | host steal ${steal}%"
