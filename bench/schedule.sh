#!/usr/bin/env bash
# Scenario 3, schedule accuracy: a one-shot entry for all N receivers 20 s ahead; lateness of the first
# frame at each receiver (the simulator's play_start, on the server's clock: when the frame is due, or
# when its audio arrived if later) against the scheduled instant, p50 / p99 / max; beside it, how late
# the simulator's own thread got round to it (wokeLateMs). Usage: bench/schedule.sh N
source "$(dirname "$0")/lib.sh"
n=${1:-1000}
need ffmpeg curl
make_media
write_config "$n"
start_server
start_sim "$n"
wait_online "$n"
warm_up "$n"
sleep 3
at_s=$(( $(date +%s) + 20 ))
local_at=$(TZ=Asia/Ho_Chi_Minh date -d "@$at_s" +%Y-%m-%dT%H:%M:%S)
post /api/schedules "{\"title\":\"bench\",\"broadcast\":{\"media\":[\"bench-64k.mp3\"],\"targets\":{\"all\":true}},
  \"recurrence\":{\"type\":\"once\",\"at\":\"$local_at\"},\"timeZone\":\"Asia/Ho_Chi_Minh\"}" > /dev/null
sleep 24
# The scheduled session: the first one heard within 5 s of the instant (the warm-up's were long before).
session=$({ grep '"event":"play_start"' "$work/sim.jsonl" || true; } \
  | awk -v a="$((at_s * 1000 - 5000))" '{ match($0, /"t":[0-9]+/); if (substr($0, RSTART + 4, RLENGTH - 4) + 0 >= a) { print; exit } }' \
  | grep -oE '"session":[0-9]+' | grep -oE '[0-9]+$' || echo 0)
for _ in $(seq 50); do [ "$(event_times play_start "$session" | wc -l)" -ge "$n" ] && break; sleep 0.2; done
started=$(event_times play_start "$session" | wc -l)
read -r p50 p99 max < <(event_times play_start "$session" | awk -v a="$((at_s * 1000))" '{ d = $1 - a; print (d < 0 ? -d : d) }' | percentiles)
early=$(event_times play_start "$session" | awk -v a="$((at_s * 1000))" '$1 < a' | wc -l)
read -r w50 w99 wmax < <(event_field play_start "$session" wokeLateMs | percentiles)
mkdir -p bench/results
steal=$(steal_pct)
cat > "bench/results/schedule-$n.json" <<JSON
{"scenario":"schedule","receivers":$n,"started":$started,"early":$early,"latenessMs":{"p50":$p50,"p99":$p99,"max":$max},
 "simulatorWokeLateMs":{"p50":$w50,"p99":$w99,"max":$wmax},
 "cores":$(nproc),"stealPct":$steal,"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}
JSON
echo "schedule N=$n: first frame at $started/$n receivers, |lateness| p50 ${p50} ms, p99 ${p99} ms, max ${max} ms against the scheduled instant ($early early); simulator thread woke p99 ${w99} ms later | host steal ${steal}%"
