#!/usr/bin/env bash
# Resident memory of the packaged jar once every bundled result is loaded, Westminster and council alike: runs the
# README's command, asks a council ward's result (which loads the local data) and a seat's, waits for the answers,
# then reads the process's resident set (VmRSS) and, through jcmd, the heap in use after a full collection.
#   mvn -B -q package -DskipTests && scripts/resident-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/results-desk.jar
data=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$data" "$out"; [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null || true' EXIT
opts=(-XX:TieredStopAtLevel=1 -Xmx384m -Dfile.encoding=UTF-8 -Djava.awt.headless=true ${EXTRA_JAVA_OPTS:-})
[[ -f target/results-desk.jsa ]] && opts+=(-XX:SharedArchiveFile=target/results-desk.jsa)
# The console reads from a pipe that stays open until the figures are taken.
( printf '/result abbey, buckinghamshire\n/result kingswood\n'; sleep 600 ) \
  | STORE_DATA_DIRECTORY="$data" OPS_PORT=0 java "${opts[@]}" -jar "$jar" > "$out" 2>/dev/null &
pid=$(pgrep -n -f "STORE_DATA_DIRECTORY=$data" || true)
for _ in $(seq 600); do
  pid=$(pgrep -n -f -- "-jar $jar" || true)
  if grep -q "Kingswood by-election" "$out" && grep -qi "abbey" "$out"; then break; fi
  sleep 0.1
done
grep -q "Kingswood by-election" "$out" || { echo "no answer within a minute" >&2; exit 1; }
sleep 2
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
jcmd "$pid" GC.run > /dev/null
heap=$(jcmd "$pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}')
echo "resident: ${rss} kB now, ${hwm} kB at the peak; heap in use after a full collection: ${heap}"
