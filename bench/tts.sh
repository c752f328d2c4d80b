#!/usr/bin/env bash
# Text to speech (issue 16): wall time of POST /api/tts/preview (normalise, espeak-ng on the speech pool
# in sentence pieces, join, MP3) and of POST /api/tts (the same, then the library's MP3 at -16 LUFS and
# the library add) for 1,000 and 5,000 characters of a Vietnamese flood bulletin, R runs each (3 by default).
# Usage: bench/tts.sh [R]
source "$(dirname "$0")/lib.sh"
runs=${1:-3}
command -v espeak-ng >/dev/null || { echo "bench: espeak-ng is missing (apt-get install espeak-ng)"; exit 2; }
command -v ffmpeg >/dev/null || { echo "bench: ffmpeg is missing (apt-get install ffmpeg)"; exit 2; }
[ -f server/target/loa-server.jar ] || { echo "bench: build first: mvn -B -q package -DskipTests"; exit 2; }
write_config 1
mkdir -p "$work/media"
start_server
paragraph='Ngày 29/11, mực nước sông Hồng tại Hà Nội lúc 7h là 5,2 m, trên BĐ3 0,2 m. Lượng mưa phổ biến 200-300 mm. '\
'UBND xã đề nghị bà con không qua ngầm tràn, di dời tài sản lên cao, mọi thông tin gọi 0912 345 678. '
text_of() { # exactly N characters of the bulletin, repeated
  python3 -c "import sys,json; p=sys.argv[1]; n=int(sys.argv[2]); print(json.dumps((p*(n//len(p)+1))[:n]))" "$paragraph" "$1"
}
line="tts runs=$runs:"
for n in 1000 5000; do
  text=$(text_of "$n")
  for what in preview save; do
    times=()
    for r in $(seq "$runs"); do
      if [ "$what" = preview ]; then path=/api/tts/preview; body="{\"text\":$text,\"voice\":\"vi\"}";
      else path=/api/tts; body="{\"text\":$text,\"voice\":\"vi\",\"name\":\"bench-$n-$r\"}"; fi
      started=$(now_ms)
      code=$(curl -s -o "$work/out" -w '%{http_code}' -H 'Authorization: Bearer bench-token' \
        -H 'Content-Type: application/json' --data-binary "$body" "$api$path")
      took=$(($(now_ms) - started))
      [ "$code" = 200 ] || [ "$code" = 201 ] || { echo "bench: $path answered $code: $(head -c 300 "$work/out")"; exit 1; }
      times+=("$took")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
    line="$line $what ${n} chars ms [${sorted% }];"
  done
done
spoken=$(curl -s -H 'Authorization: Bearer bench-token' "$api/api/media" | python3 -c \
  "import sys,json; print(next(m['durationMs'] for m in json.load(sys.stdin) if m['path']=='bench-5000-1.mp3'))")
echo "$line 5000 chars speak for $((spoken / 1000)) s | host steal $(steal_pct)%"
