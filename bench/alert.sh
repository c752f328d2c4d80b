#!/usr/bin/env bash
# Scenario 2, alert latency: while a bulletin plays on all N receivers, an EMERGENCY through the API to
# all N; time from the API call to the first alert frame at each receiver (the simulator's audio_start),
# p50 / p99 / max. Beside it, Mosquitto (started here) delivers one QoS-1 message to N subscribers.
# Usage: bench/alert.sh N   (after mvn -B -q package -DskipTests; needs mosquitto)
source "$(dirname "$0")/lib.sh"
n=${1:-1000}
need ffmpeg mosquitto curl
make_media
write_config "$n"
start_server
start_sim "$n"
wait_online "$n"
warm_up "$n"
sleep 3
bulletin=$(post /api/broadcasts '{"media":["bench-64k.mp3"],"targets":{"all":true}}' | grep -oE '"id":[0-9]+' | grep -oE '[0-9]+$')
sleep 5
called=$(now_ms)
reply=$(post /api/broadcasts '{"media":["bench-64k.mp3"],"priority":"EMERGENCY","targets":{"all":true}}')
answered=$(now_ms)
alert=$(echo "$reply" | grep -oE '"id":[0-9]+' | grep -oE '[0-9]+$')
for _ in $(seq 150); do [ "$(event_times audio_start "$alert" | wc -l)" -ge "$n" ] && break; sleep 0.2; done
read -r p50 p99 max < <(event_times audio_start "$alert" | awk -v c="$called" '{ print $1 - c }' | percentiles)
reached=$(event_times audio_start "$alert" | wc -l)
read -r h50 h99 hmax < <(event_times play_start "$alert" | awk -v c="$called" '{ print $1 - c }' | percentiles)
kill "$sim_pid" "$server_pid"; wait "$sim_pid" "$server_pid" 2>/dev/null || true

mq_port=$(spare_port)
printf 'listener %d 127.0.0.1\nallow_anonymous true\nmax_connections -1\npersistence false\nmax_queued_messages 1000\n' \
  "$mq_port" > "$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
pids+=("$!")
wait_listening "$mq_port" Mosquitto "$work/mosquitto.log"
mqtt=$(java -Xmx1g -jar bench/target/loa-bench.jar mqtt 127.0.0.1 "$mq_port" "$n")
mq_max=$(echo "$mqtt" | grep -oE '"maxMs":-?[0-9]+' | grep -oE '\-?[0-9]+$')

mkdir -p bench/results
steal=$(steal_pct)
cat > "bench/results/alert-$n.json" <<JSON
{"scenario":"alert","receivers":$n,"apiAnsweredMs":$((answered - called)),
 "loa":{"reached":$reached,"firstFrameMs":{"p50":$p50,"p99":$p99,"max":$max},"audibleMs":{"p50":$h50,"p99":$h99,"max":$hmax}},
 "mosquitto":$mqtt,"cores":$(nproc),"stealPct":$steal,"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}
JSON
echo "alert N=$n: Loa first alert frame at $reached/$n receivers p50 ${p50} ms, p99 ${p99} ms, max ${max} ms after the API call (audible p99 ${h99} ms) | Mosquitto QoS 1 to the last of $n subscribers ${mq_max} ms | host steal ${steal}%"
