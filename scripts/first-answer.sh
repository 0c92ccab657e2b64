#!/usr/bin/env bash
# Start to first answer: runs the packaged jar as the README does, asks `/result kingswood` on the console, and
# prints the time from starting java to the answer's first line, for each run (default 10) and their median.
# Each run uses a fresh data directory, so the database is created and migrated as on a first start.
#   mvn -B -q package -DskipTests && scripts/first-answer.sh [runs]
# The class-data-sharing archive built beside the jar (target/results-desk.jsa) is used when present, as the
# README's command and the Docker image use it; NO_CDS=1 measures without it.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/results-desk.jar
runs=${1:-10}
opts=(-Dfile.encoding=UTF-8 -Djava.awt.headless=true)
# As the README's command: the client compiler only (C1), which spares a two-core machine the server compiler's
# start-up work, and the heap capped as there; TIERED=1 measures with both compilers and no cap, as plain `java -jar`.
if [[ -z "${TIERED:-}" ]]; then
  opts+=(-XX:TieredStopAtLevel=1 -Xmx384m)
fi
if [[ -z "${NO_CDS:-}" && -f target/results-desk.jsa ]]; then
  opts+=(-XX:SharedArchiveFile=target/results-desk.jsa)
fi
times=()
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  answered=""
  while IFS= read -r line; do
    if [[ -z "$answered" && "$line" == *Kingswood* ]]; then
      answered=$(( ($(date +%s%N) - start) / 1000000 ))
    fi
  done < <(printf '/result kingswood\n' | STORE_DATA_DIRECTORY="$data" java "${opts[@]}" -jar "$jar" 2>/dev/null)
  rm -rf "$data"
  if [[ -z "$answered" ]]; then
    echo "run $i: no answer naming Kingswood" >&2
    exit 1
  fi
  echo "run $i: ${answered} ms"
  times+=("$answered")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 )); then
  median=${sorted[$((n / 2))]}
else
  median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 ))
fi
echo "start to first answer: median ${median} ms over ${n} runs (min ${sorted[0]}, max ${sorted[$((n - 1))]})"
