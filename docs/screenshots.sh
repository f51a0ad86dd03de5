#!/usr/bin/env bash
# Takes the README's screenshots from the real studio under Xvfb:
#   apt-get install -y xvfb libgtk-3-0 imagemagick; mvn -DskipTests package; bash docs/screenshots.sh [name...]
# SCREEN=1024x700 bash docs/screenshots.sh laptop   takes every view at a small laptop's size (names end -1024x700).
# bash docs/screenshots.sh lines   the pad's line mode (a drawn number; a photo-like line from docs/LinePicture.java).
# Each shot starts the app with demo properties (ui/shell/DemoMode.java lists them), waits, and grabs the X screen.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"

# The shots' own output is discarded, so a missing tool would otherwise leave the old pictures in place unnoticed.
for tool in xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install -y xvfb imagemagick)" >&2; exit 1; }
done

shot() { # name seconds java-properties...
  local name=$1 wait=$2; shift 2
  if [ "${ONLY:-}" != "" ] && [[ " $ONLY " != *" $name "* ]]; then return; fi
  local started; started=$(mktemp)
  xvfb-run -a -s "-screen 0 ${SCREEN:-1440x900}x24" bash -c "
    java -Xmx4g $* -Dhws.maximized=true -jar target/handwriting-studio.jar & pid=\$!
    sleep $wait; import -window root '$out/$name.png'; kill \$pid" >/dev/null 2>&1
  if [ "$out/$name.png" -nt "$started" ]; then echo "$out/$name.png"; else echo "error: no new $out/$name.png" >&2; fi
  rm -f "$started"
}

ONLY="${*:-}"
# drawings of + - × = by generated writers, for the fine-tuning shots
[ -d target/demo-symbols ] || java -cp "target/classes:target/lib/*" io.handwritingstudio.inference.sketch.SymbolFolder target/demo-symbols 20 10 >/dev/null
keras=src/test/resources/keras/handwritten_digit_recognition_model.h5
if [ "$ONLY" = lines ]; then # the pad's line mode at both laptop sizes: a drawn number and a photo-like line
  ONLY=""
  java -cp target/handwriting-studio.jar docs/LinePicture.java /tmp/hws-line.png 13 6
  for size in 1280x800 1024x700; do
    SCREEN=$size shot "draw-line-$size" 35 -Dhws.view=draw -Dhws.demo.line=4071
    SCREEN=$size shot "draw-line-photo-$size" 35 -Dhws.view=draw -Dhws.demo.lineImage=/tmp/hws-line.png -Dhws.demo.lineSelect=2
  done
  exit 0
fi
if [ "$ONLY" = laptop ]; then
  size=${SCREEN:-1024x700}
  ONLY="${SHOTS:-}" # SHOTS="designer-finetune-1024x700 ..." takes only those
  shot "datasets-$size" 45 -Dhws.view=datasets "-Dhws.demo.datasets=sample=7"
  shot "training-$size" 75 -Dhws.view=training -Dhws.demo.training=run:6000:3
  shot "evaluation-$size" 100 -Dhws.view=evaluation -Dhws.demo.evaluate=true -Dhws.demo.limit=10000
  shot "network-$size" 25 -Dhws.view=network -Dhws.network.sample=4
  shot "draw-$size" 22 -Dhws.view=draw -Dhws.demo.draw=3
  shot "draw-characters-$size" 22 -Dhws.view=draw -Dhws.model=characters -Dhws.demo.draw=A
  shot "designer-$size" 20 -Dhws.view=training -Dhws.demo.training.tab=design -Dhws.demo.design=lenet5
  shot "timeline-$size" 100 -Dhws.view=training -Dhws.demo.training.tab=timeline -Dhws.demo.design=dense -Dhws.demo.training=run:6000:2 -Dhws.demo.timeline=last:0
  shot "compare-$size" 75 -Dhws.view=evaluation -Dhws.model=$keras -Dhws.demo.evaluate=true -Dhws.demo.limit=10000 -Dhws.demo.compare=mnist
  shot "finetune-$size" 170 -Dhws.view=training -Dhws.demo.finetune=target/demo-symbols:15:3
  # the designer read-only in fine-tune mode (Start is never pressed): its layer table still scrolls
  shot "designer-finetune-$size" 30 -Dhws.view=training -Dhws.demo.training.tab=design -Dhws.demo.finetune=target/demo-symbols:15:100000
  exit 0
fi
shot datasets-light 20 -Dhws.view=datasets "-Dhws.demo.datasets=sample=7,hover=8:14"
shot datasets-dark 20 -Dhws.view=datasets -Dhws.dark=true "-Dhws.demo.datasets=sample=7,tab=stats"
if [ "$ONLY" = "" ] || [[ " $ONLY " == *" datasets-download "* ]]; then # a download under way, from a slow local mirror
  java docs/SlowMirror.java 8931 & mirror=$!
  empty=$(mktemp -d); sleep 3
  shot datasets-download 25 -Dhws.view=datasets -Dhws.demo.datasets=download -Dhws.cache.dir="$empty" -Dhws.npm=false \
    -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=8931
  kill $mirror; rm -rf "$empty"
fi
shot datasets-letters-light 22 -Dhws.view=datasets -Dhws.dataset=letters "-Dhws.demo.datasets=sample=3"
shot training-light 75 -Dhws.view=training -Dhws.demo.training=run:6000:3
shot training-dark 75 -Dhws.view=training -Dhws.dark=true -Dhws.demo.training=run:6000:3
shot evaluation-light 40 -Dhws.view=evaluation -Dhws.demo.evaluate=true -Dhws.demo.limit=10000
shot evaluation-dark 40 -Dhws.view=evaluation -Dhws.dark=true -Dhws.demo.evaluate=true -Dhws.demo.limit=10000
shot evaluation-errors-light 40 -Dhws.view=evaluation -Dhws.demo.evaluate=true -Dhws.demo.limit=10000 -Dhws.demo.tab=errors
shot evaluation-characters-light 50 -Dhws.view=evaluation -Dhws.model=characters -Dhws.dataset=characters -Dhws.demo.evaluate=true -Dhws.demo.limit=0
shot network-light 25 -Dhws.view=network -Dhws.network.sample=4
shot network-dark 25 -Dhws.view=network -Dhws.dark=true -Dhws.network.sample=4 -Dhws.network.layer=8
shot network-filters-light 25 -Dhws.view=network -Dhws.network.tab=filters
shot network-projection-light 45 -Dhws.view=network -Dhws.network.tab=projection -Dhws.network.projection=t-SNE
shot draw-light 22 -Dhws.view=draw -Dhws.demo.draw=3
shot draw-dark 22 -Dhws.view=draw -Dhws.dark=true -Dhws.demo.draw=7
shot draw-letter-light 22 -Dhws.view=draw -Dhws.model=letters -Dhws.demo.draw=A
shot draw-characters-light 22 -Dhws.view=draw -Dhws.model=characters -Dhws.demo.draw=A
# issue 18: the network designer (a preset, and an invalid design with its error at the layer) and the timeline of a
# 2-epoch run at two points (its start; its end compared with the start), and a classic run's timeline while it trains
# (waits are for a busy 2-core machine: a run must have finished before the shot)
shot designer-light 20 -Dhws.view=training -Dhws.demo.training.tab=design -Dhws.demo.design=lenet5
shot designer-error-light 20 -Dhws.view=training -Dhws.demo.training.tab=design -Dhws.demo.design=broken
shot timeline-start-light 100 -Dhws.view=training -Dhws.demo.training.tab=timeline -Dhws.demo.design=dense -Dhws.demo.training=run:6000:2 -Dhws.demo.timeline=0
shot timeline-end-light 100 -Dhws.view=training -Dhws.demo.training.tab=timeline -Dhws.demo.design=dense -Dhws.demo.training=run:6000:2 -Dhws.demo.timeline=last:0
# before any run the Timeline tab shows the model in use's saved timeline (here the letters model's 14 epochs)
shot timeline-letters-light 30 -Dhws.view=training -Dhws.model=letters -Dhws.dataset=letters -Dhws.demo.training.tab=timeline -Dhws.demo.timeline=last:0
shot timeline-live-light 60 -Dhws.view=training -Dhws.demo.training.tab=timeline -Dhws.demo.training=run:20000:3
shot compare-light 75 -Dhws.view=evaluation -Dhws.model=$keras -Dhws.demo.evaluate=true -Dhws.demo.limit=10000 -Dhws.demo.compare=mnist
# digits against digits and letters: ten rows (the true classes MNIST has) by 36 columns
shot compare-characters-light 80 -Dhws.view=evaluation -Dhws.model=mnist -Dhws.demo.evaluate=true -Dhws.demo.limit=10000 -Dhws.demo.compare=characters
shot finetune-light 170 -Dhws.view=training -Dhws.demo.finetune=target/demo-symbols:15:3
