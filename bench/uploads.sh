#!/usr/bin/env bash
# Anonymous uploads (issue 14): N clients (200 by default) each POST a 32 MiB body to /api/media at once,
# without a token. The server must answer 401 from the request head, read no body into memory, and its
# RSS stay where it was. --no-expect sends the bodies straight away instead of waiting for 100-continue.
# Usage: bench/uploads.sh [N] [--no-expect]
source "$(dirname "$0")/lib.sh"
n=${1:-200}
need curl
write_config 1
mkdir -p "$work/media"
head -c $((32 * 1024 * 1024)) /dev/urandom > "$work/upload.bin"
start_server
sleep 3
rss_rest=$(rss_kib "$server_pid")
expect=""
[ "${2:-}" = "--no-expect" ] && expect="-HExpect:"
started=$(now_ms)
( for i in $(seq "$n"); do
    curl -s -o /dev/null -w '%{http_code}\n' $expect -X POST -H 'Content-Type: audio/mpeg' -T "$work/upload.bin" \
      "$api/api/media?name=u$i.mp3" &
  done
  wait ) > "$work/codes" 2>&1 &
load=$!
rss_max=$rss_rest
while kill -0 "$load" 2>/dev/null; do
  r=$(rss_kib "$server_pid"); [ "$r" -gt "$rss_max" ] && rss_max=$r
  sleep 0.2
done
took=$(($(now_ms) - started))
answers=$(sort "$work/codes" | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
echo "uploads N=$n${2:+ $2}: answers ${answers}in ${took} ms; server RSS ${rss_rest} KiB at rest, ${rss_max} KiB at most | host steal $(steal_pct)%"
