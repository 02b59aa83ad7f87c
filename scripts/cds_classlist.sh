#!/usr/bin/env bash
# Writes cds/studio.classlist: the classes the studio loads from the JVM's start until it has
# trained a few frames (`studio --measure=0.1`), for a curve, the plane and the digits (about a
# minute: each measure also times the engine alone). The build turns the list into class-data-
# sharing archives (README, "Studio speed"). Run it again after large changes to the studio
# (ClassListTest fails when a tenth of the studio's classes it names are gone), after
# `./mvnw package`, with a display (DISPLAY set, or Xvfb installed).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/backprop-studio.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw package first" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "no DISPLAY and no Xvfb: the studio needs a screen" >&2; exit 1; }
  Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb' EXIT
  export DISPLAY=:77
  sleep 1
fi
# the three tasks' views: a curve, the plane, the digits
lists=()
for preset in classic-sigmoid spiral-relu digits-softmax; do
  list=$(mktemp)
  lists+=("$list")
  java -XX:DumpLoadedClassList="$list" --add-modules jdk.incubator.vector -jar "$jar" studio \
    --preset="$preset" --measure=0.1 2>&1 | grep 'window shown' | sed "s/^/$preset: /"
done
# one list, each line once, in the order first loaded
awk '!seen[$0]++' "${lists[@]}" > cds/studio.classlist
rm -f "${lists[@]}"
echo "cds/studio.classlist: $(grep -vc '^[#@]' cds/studio.classlist) classes"
