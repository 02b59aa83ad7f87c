#!/usr/bin/env bash
# Cross-checks the engine against independent numpy implementations: the classic tutorial loop
# (per-sample SGD, in order) and seed 002's layered engine (deep-momentum: its rebound velocity
# and undivided MSE gradient, batches of 4 in order): same data, same initial weights, history
# equal to 1e-9 relative at every epoch.
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

# seed 002: 100 points drawn with replacement from 200 noisy samples of sin x on [−π, π]
python3 - "$work" <<'PY'
import sys
import numpy as np
d = sys.argv[1]
rng = np.random.default_rng(2)
x = rng.uniform(-np.pi, np.pi, 200)
y = np.sin(x) + 0.1 * rng.standard_normal(200)
pick = rng.choice(200, 100)
tx = rng.uniform(-np.pi, np.pi, 25)
for name, xs, ys in (("train2", x[pick], y[pick]), ("test2", tx, np.sin(tx))):
    with open(f"{d}/{name}.csv", "w") as f:
        f.write("x,y\n" + "".join(f"{float(a)!r},{float(b)!r}\n" for a, b in zip(xs, ys)))
PY
java -jar "$jar" train --preset deep-momentum --epochs 0 --seed 5 --weights-out "$work/w2.weights.json" -q > /dev/null
java -jar "$jar" train --preset deep-momentum --sampling order --train-data "$work/train2.csv" --test-data "$work/test2.csv" \
    --init "$work/w2.weights.json" --history "$work/h2.csv" -q
python3 scripts/crosscheck_seed002.py "$work/w2.weights.json" "$work/train2.csv" "$work/test2.csv" "$work/h2.csv"

# the digit classifier: 1 000 training and 200 test digits of the bundled set as x1..x784,label
# rows, batches of 200 in file order, against a numpy copy of the tutorial's classes; the weights
# after each of 3 epochs (one run per epoch count, from the same initial weights)
python3 - "$work" <<'PY'
import gzip, sys
import numpy as np
d, home = sys.argv[1], "src/main/resources/org/backpropstudio/digits/"
def idx(name, skip):
    return np.frombuffer(gzip.open(home + name).read()[skip:], dtype=np.uint8)
for name, set_, n in (("train3", "train", 1000), ("test3", "t10k", 200)):
    images = idx(f"{set_}-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:n] / 255.0
    labels = idx(f"{set_}-labels-idx1-ubyte.gz", 8)[:n]
    with open(f"{d}/{name}.csv", "w") as f:
        f.write(",".join(f"x{i + 1}" for i in range(784)) + ",label\n")
        for row, label in zip(images, labels):
            f.write(",".join(repr(float(v)) for v in row) + f",{label}\n")
PY
java -jar "$jar" train --preset digits-softmax --epochs 0 --seed 3 --weights-out "$work/w3.weights.json" -q > /dev/null
for e in 1 2 3; do
  java -jar "$jar" train --preset digits-softmax --sampling order --train-data "$work/train3.csv" \
      --test-data "$work/test3.csv" --init "$work/w3.weights.json" --epochs $e --weights-out "$work/w3-$e.weights.json" \
      --history "$work/h3.csv" --force -q > /dev/null
done
python3 scripts/crosscheck_digits.py "$work/w3.weights.json" "$work/train3.csv" "$work/test3.csv" "$work/h3.csv" \
    "$work/w3-1.weights.json" "$work/w3-2.weights.json" "$work/w3-3.weights.json"
