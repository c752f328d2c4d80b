#!/usr/bin/env bash
# Content in (issue 16): how long the server takes to turn a 10-minute M4A into the station MP3 at the
# target loudness (upload over HTTP until the 201), and how far apart the sample library's files are in
# loudness before and after they go through the same upload (min, max, standard deviation in LUFS,
# measured by ffmpeg's EBU R128 meter on the files as stored).
# Usage: bench/convert.sh [minutes]   (10 by default)
source "$(dirname "$0")/lib.sh"
minutes=${1:-10}
need curl ffmpeg
write_config 1
printf 'maxUploadBytes: 67108864\n' >> "$work/config/server.yaml"
mkdir -p "$work/media"

# A speech recording as a phone keeps it: the sample bulletin looped to length, AAC in an M4A at 64 kbit/s.
ffmpeg -v error -stream_loop -1 -i playlists/ban-tin-sang.mp3 -t $((minutes * 60)) -ac 1 -c:a aac -b:a 64k \
  "$work/long.m4a"

lufs() {
  ffmpeg -hide_banner -nostats -i "$1" -af loudnorm=print_format=json -f null - 2>&1 \
    | grep '"input_i"' | grep -oE '[-0-9.]+' | head -1
}
spread() { # min max stdev of the numbers on stdin
  awk '{ v[NR] = $1; s += $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
       END { m = s / NR; for (i = 1; i <= NR; i++) d += (v[i] - m) ^ 2;
             printf "min %.1f, max %.1f, stdev %.2f LUFS (%d files)", lo, hi, sqrt(d / NR), NR }'
}
upload() { # file, name: the answer goes to answer.json; prints "status seconds"
  curl -sS -o "$work/answer.json" -w '%{http_code} %{time_total}\n' -X POST -H 'Authorization: Bearer bench-token' \
    -H 'Content-Type: application/octet-stream' --data-binary @"$1" "$api/api/media?name=$2"
}

start_server
sleep 2
read -r code seconds < <(upload "$work/long.m4a" "hop-dan.m4a")
[ "$code" = 201 ] || { echo "bench: the M4A upload answered $code: $(cat "$work/answer.json")"; exit 1; }
converted=$(grep -oE '"integratedLufs":[-0-9.]+' "$work/answer.json" | grep -oE '[-0-9.]+$')

before=$(for f in playlists/*.mp3; do lufs "$f"; done | spread)
for f in playlists/*.mp3; do
  read -r code _ < <(upload "$f" "$(basename "$f")")
  [ "$code" = 201 ] || { echo "bench: $(basename "$f") answered $code: $(cat "$work/answer.json")"; exit 1; }
done
after=$(for f in playlists/*.mp3; do lufs "$work/media/$(basename "$f")"; done | spread)

mkdir -p bench/results
printf '{"minutes":%s,"conversionSeconds":%s,"convertedLufs":%s,"before":"%s","after":"%s"}\n' \
  "$minutes" "$seconds" "${converted:-null}" "$before" "$after" > "bench/results/convert-$minutes.json"
echo "convert ${minutes}-minute M4A: ${seconds} s upload to 201 (${converted} LUFS stored) | sample library" \
  "before: ${before}; after: ${after} | host steal $(steal_pct)%"
