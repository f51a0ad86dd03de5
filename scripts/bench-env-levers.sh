#!/usr/bin/env bash
# Levers that the native library reads when it loads, so each needs its own JVM (issue 16): `bench --arch ARCH`
# with OMP_WAIT_POLICY unset, PASSIVE and ACTIVE, and OMP_NUM_THREADS 1 and 2, rounds alternated (odd rounds in
# the listed order, even rounds reversed), one JSON line per run with the load average before it.
#
#   mvn -DskipTests package && bash scripts/bench-env-levers.sh [ROUNDS=3] [ITERATIONS=200] [ARCH=classic]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
ITERATIONS=${2:-200}
ARCH=${3:-classic}
JAR=target/handwriting-studio.jar
[ -f "$JAR" ] || { echo "no $JAR: run 'mvn -DskipTests package' first" >&2; exit 2; }
VARIANTS=("default" "OMP_WAIT_POLICY=PASSIVE" "OMP_WAIT_POLICY=ACTIVE" "OMP_NUM_THREADS=1" "OMP_NUM_THREADS=2")
run() {
  local v=$1 load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  local envs=(-u OMP_WAIT_POLICY -u OMP_NUM_THREADS)
  [ "$v" = default ] || envs+=("$v")
  printf '%-24s load %-16s %s\n' "$v" "$load" \
    "$(env "${envs[@]}" java -jar "$JAR" bench --arch "$ARCH" --iterations "$ITERATIONS" --json 2>/dev/null | tr -d '\n ')"
}
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r/$ROUNDS"
  if ((r % 2 == 1)); then order=("${VARIANTS[@]}"); else order=(); for ((i = ${#VARIANTS[@]} - 1; i >= 0; i--)); do order+=("${VARIANTS[i]}"); done; fi
  for v in "${order[@]}"; do run "$v"; done
done
