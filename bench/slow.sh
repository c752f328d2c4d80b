#!/usr/bin/env bash
# Scenario 5, slow receivers: 10% of N receivers read at half the stream's rate; the others must still
# play without an underrun, and the server's memory stay bounded. Usage: bench/slow.sh N
source "$(dirname "$0")/lib.sh"
n=${1:-1000}
need ffmpeg curl
make_media
write_config "$n"
start_server
# 64 kbit/s is 8,000 B/s of audio; half speed is 4,000 B/s.
start_sim "$n" --fault-share 0.1 --read-rate 4000
wait_online "$n"
warm_up "$n"
sleep 3
rss_connected=$(rss_kib "$server_pid")
reply=$(post /api/broadcasts '{"media":["bench-64k.mp3"],"targets":{"all":true}}')
id=$(echo "$reply" | grep -oE '"id":[0-9]+' | grep -oE '[0-9]+$')
rss_max=0
for _ in $(seq 450); do
  r=$(rss_kib "$server_pid"); [ "$r" -gt "$rss_max" ] && rss_max=$r
  [ "$(event_times play_end "$id" | wc -l)" -ge "$n" ] && break
  sleep 0.2
done
java -jar bench/target/loa-bench.jar faulted "$n" 0.1 | sed 's/.*/"station":"&"/' > "$work/slow-ids"
slow=$(wc -l < "$work/slow-ids")
{ grep '"event":"play_end"' "$work/sim.jsonl" || true; } | { grep "\"session\":$id," || true; } > "$work/ends"
fast_clean=$(grep -v -F -f "$work/slow-ids" "$work/ends" \
  | grep -c '"reason":"COMPLETED".*"underruns":0,"missedChunks":0,"badFrames":0' || true)
fast=$((n - slow))
clean=$fast_clean
mkdir -p bench/results
steal=$(steal_pct)
cat > "bench/results/slow-$n.json" <<JSON
{"scenario":"slow","receivers":$n,"slow":$slow,"fast":$fast,"fastClean":$fast_clean,"rssConnectedKiB":$rss_connected,"rssMaxKiB":$rss_max,
 "cores":$(nproc),"stealPct":$steal,"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}
JSON
echo "slow N=$n: $slow receivers read at half speed; $fast_clean/$fast of the others clean; server RSS ${rss_connected} KiB connected, ${rss_max} KiB at most while playing | host steal ${steal}%"
