#!/usr/bin/env bash
# The engine's `bench` against a PyTorch reference of the same network (classic, or strong with ARCH=strong), in one
# run, rounds alternated (odd rounds engine first, even rounds PyTorch first), plus the machine's float32
# matrix-multiply peak.
#
#   mvn -DskipTests package && [ARCH=strong] bash scripts/bench-vs-pytorch.sh [ROUNDS=3] [ITERATIONS=300]
#
# PyTorch: Debian's `apt-get install -y python3-torch libopenblas0-pthread`; skipped with a message when missing.
# The peak is measured with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (as on a user's machine) and every core;
# PyTorch runs with OPENBLAS_NUM_THREADS=1, its best set-up on 2 cores (a spare OpenBLAS thread busy-waits).
# Extra JVM options for the engine: JAVA_OPTS="-Dhws.directForward=false" etc.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
ITERATIONS=${2:-300}
ARCH=${ARCH:-classic}
case "$ARCH" in classic|strong) ;; *) echo "ARCH must be classic or strong, not '$ARCH'" >&2; exit 2;; esac
JAR=target/handwriting-studio.jar
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
[ -f "$JAR" ] || { echo "no $JAR: run 'mvn -DskipTests package' first" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
: > "$OUT/engine.jsonl"; : > "$OUT/torch.jsonl"; : > "$OUT/peak.json"

if env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" -c 'import numpy' 2>/dev/null; then
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE -u OPENBLAS_NUM_THREADS "$PY" scripts/bench_reference.py peak > "$OUT/peak.json"
  echo "peak: $(cat "$OUT/peak.json")"
else
  echo "numpy not installed: the machine's peak is not measured (apt-get install -y python3-numpy)"
fi
TORCH=yes
if ! "$PY" -c 'import torch' 2>/dev/null; then
  TORCH=
  echo "PyTorch not installed ('$PY -c \"import torch\"' failed): engine only." \
       "To compare: apt-get install -y python3-torch libopenblas0-pthread"
fi

engine() {
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" bench --arch "$ARCH" --iterations "$ITERATIONS" --json 2>/dev/null \
    | "$PY" -c 'import json,sys; r=json.load(sys.stdin)[0]; print(json.dumps(r))' >> "$OUT/engine.jsonl"
  echo "  engine:  $(tail -1 "$OUT/engine.jsonl")"
}
pytorch() {
  [ -n "$TORCH" ] || return 0
  OPENBLAS_NUM_THREADS=1 "$PY" scripts/bench_reference.py "$ARCH" "$ITERATIONS" >> "$OUT/torch.jsonl"
  echo "  pytorch: $(tail -1 "$OUT/torch.jsonl")"
}
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r/$ROUNDS"
  if ((r % 2 == 1)); then engine; pytorch; else pytorch; engine; fi
done
if [ -s "$OUT/peak.json" ]; then
  # measured again at the end: a single measurement once read 107 GFLOP/s where the next three read 198-207
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE -u OPENBLAS_NUM_THREADS "$PY" scripts/bench_reference.py peak >> "$OUT/peak.json"
  echo "peak again: $(tail -1 "$OUT/peak.json")"
fi
echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
"$PY" scripts/bench_reference.py summary "$OUT/engine.jsonl" "$OUT/torch.jsonl" "$OUT/peak.json"
