#!/usr/bin/env bash
# Cross-checks the engine against an independent numpy implementation of the classic tutorial
# loop (per-sample SGD, in order): same data, same initial weights, history equal to 1e-9.
# Needs the packaged jar (./mvnw package) and python3 with numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/backprop-studio.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
import numpy as np
d = sys.argv[1]
rng = np.random.default_rng(2026)
for name, n in (("train", 50), ("test", 10)):
    x = rng.uniform(-2 * np.pi, 2 * np.pi, n)
    with open(f"{d}/{name}.csv", "w") as f:
        f.write("x,y\n" + "".join(f"{float(a)!r},{float(np.sin(a))!r}\n" for a in x))
PY
java -jar "$jar" train --epochs 0 --seed 11 --weights-out "$work/w0.weights.json" -q > /dev/null
java -jar "$jar" train --train-data "$work/train.csv" --test-data "$work/test.csv" --init "$work/w0.weights.json" \
    --history "$work/h.csv" -q
python3 scripts/crosscheck_numpy.py "$work/w0.weights.json" "$work/train.csv" "$work/test.csv" "$work/h.csv"
