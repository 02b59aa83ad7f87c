#!/usr/bin/env python3
"""Independent numpy implementation of the classic tutorial loop, to cross-check the engine.

Trains a 1-10-10-1 sigmoid network (identity output, loss ½(p − y)²) by per-sample SGD in
order, from the initial weights of a .weights.json file, on the x,y rows of a train and a test
CSV, and compares every epoch's train and test loss with a history CSV written by
`backprop-studio train`. Exits 1 if any relative difference exceeds the tolerance.

    java -jar target/backprop-studio.jar train --epochs 0 --weights-out w0.weights.json
    java -jar target/backprop-studio.jar train --train-data train.csv --test-data test.csv \
        --init w0.weights.json --history h.csv
    python3 scripts/crosscheck_numpy.py w0.weights.json train.csv test.csv h.csv
"""
import json
import sys

import numpy as np

ACTIVATIONS = {
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z, a: a * (1 - a)),
    "identity": (lambda z: z, lambda z, a: np.ones_like(z)),
    "tanh": (np.tanh, lambda z, a: 1 - a * a),
    "relu": (lambda z: np.maximum(z, 0), lambda z, a: (z > 0).astype(float)),
}


def main(weights_path, train_path, test_path, history_path, lr=0.1, tolerance=1e-9):
    net = json.load(open(weights_path))
    acts = [ACTIVATIONS[l["activation"]] for l in net["network"]["layers"]]
    Ws = [np.array(p["W"], dtype=float) for p in net["parameters"]]
    bs = [np.array(p["b"], dtype=float).reshape(1, -1) for p in net["parameters"]]
    train = np.loadtxt(train_path, delimiter=",", skiprows=1, ndmin=2)
    test = np.loadtxt(test_path, delimiter=",", skiprows=1, ndmin=2)
    history = np.loadtxt(history_path, delimiter=",", skiprows=1, ndmin=2)

    def forward(x):
        zs, as_ = [], [x]
        for (f, _), W, b in zip(acts, Ws, bs):
            z = as_[-1] @ W + b
            zs.append(z)
            as_.append(f(z))
        return zs, as_

    worst = 0.0
    for row in history:
        epoch = int(row[0])
        losses = []
        for x, y in train:  # per sample, in order
            zs, as_ = forward(np.array([[x]]))
            p = as_[-1]
            losses.append(0.5 * (p[0, 0] - y) ** 2)
            delta = p - y  # ∂(½(p − y)²)/∂p
            for k in reversed(range(len(Ws))):
                dz = delta * acts[k][1](zs[k], as_[k + 1])
                dW = as_[k].T @ dz
                db = dz.sum(axis=0, keepdims=True)
                delta = dz @ Ws[k].T
                Ws[k] -= lr * dW
                bs[k] -= lr * db
        train_loss = float(np.mean(losses))
        test_loss = float(np.mean(0.5 * (forward(test[:, :1])[1][-1][:, 0] - test[:, 1]) ** 2))
        for mine, theirs, what in ((train_loss, row[1], "train"), (test_loss, row[2], "test")):
            rel = abs(mine - theirs) / max(abs(mine), 1e-300)
            worst = max(worst, rel)
            if rel > tolerance:
                print(f"epoch {epoch}: {what} loss numpy {mine!r} vs history {theirs!r} (relative {rel:.3e})")
                return 1
    print(f"{len(history)} epochs agree: max relative difference {worst:.3e} (tolerance {tolerance:g})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
