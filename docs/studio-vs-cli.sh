#!/usr/bin/env bash
# EPOCHS (default 1) epochs of `classic` on all 60,000 MNIST images, from the CLI and in the studio, alternately, each
# in a fresh JVM:
#   apt-get install -y xvfb libgtk-3-0; mvn -DskipTests package; [EPOCHS=3] bash docs/studio-vs-cli.sh [pairs]
# The studio trains with its training view in a real window under Xvfb (live loss chart, progress, log), started
# SETTLE seconds (default 10) after the view opens, as a user would click Start once the studio has loaded. Both
# figures are the Trainer's own epoch time from its log lines "Epoch k/n: ... (x s)": the epoch's training loop,
# without the train/test accuracy passes that follow it (which both run too). STUDIO_OPTS adds JVM options to the studio.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
settle=${SETTLE:-10}
epochs=${EPOCHS:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the epochs' times, space-separated
epoch_seconds() { tr '\r' '\n' < "$1" | grep -o "Epoch [0-9]*/$epochs:.*([0-9.]* s)" | sed 's/.*(\([0-9.]*\) s)/\1/' | xargs; }

cli() {
  java -Xmx4g -jar target/handwriting-studio.jar train --arch classic --epochs "$epochs" --out "$tmp/cli.zip" > "$tmp/cli.log" 2>&1
  epoch_seconds "$tmp/cli.log"
}

studio() {
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c "
    java -Xmx4g ${STUDIO_OPTS:-} -Dhws.maximized=true -Dhws.view=training -Dhws.demo.training=run:60000:$epochs:$settle \
      -jar target/handwriting-studio.jar > '$tmp/studio.log' 2>&1 & pid=\$!
    until grep -q 'Epoch $epochs/$epochs:' '$tmp/studio.log'; do sleep 1; kill -0 \$pid 2>/dev/null || break; done
    kill \$pid" > /dev/null 2>&1 || true
  epoch_seconds "$tmp/studio.log"
}

results=()
for ((i = 1; i <= pairs; i++)); do
  if ((i % 2)); then c=$(cli); s=$(studio); else s=$(studio); c=$(cli); fi
  echo "pair $i: CLI epochs $c s; studio epochs $s s"
  read -ra cs <<< "$c"; read -ra ss <<< "$s"
  for ((e = 0; e < epochs; e++)); do results+=("$((e + 1)) $(echo "scale=4; ${cs[e]} / ${ss[e]} * 100" | bc)"); done
done
printf '%s\n' "${results[@]}" | awk '{ s[$1] += $2; q[$1] += $2 * $2; n[$1]++ } END { for (e in n) {
  m = s[e] / n[e]; sd = n[e] > 1 ? sqrt((q[e] - n[e] * m * m) / (n[e] - 1)) : 0; h = 1.96 * sd / sqrt(n[e])
  printf "epoch %d: studio speed / CLI speed over %d pairs: mean %.1f%% (95%% interval %.1f-%.1f%%)\n", e, n[e], m, m - h, m + h } }'
