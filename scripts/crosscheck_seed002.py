#!/usr/bin/env python3
"""An independent numpy copy of seed 002's layered engine, to cross-check the deep-momentum preset.

The classes follow the tutorial's code as it runs, quirks included:
- `SGD.step` computes `v = momentum * v + grad + decay` into the loop variable and never stores
  it, so the velocity stays zero and every step is plain SGD whatever the momentum;
- `MSE.forward` reports the batch mean of ½(p − y)², but `MSE.backward` returns p − y undivided,
  so the step follows the gradient of the batch's sum;
- `BatchSampler` takes batches of 4 and drops the last short one; here in order (no shuffle),
  so the engine and this copy see the same batches.

Trains from the initial weights of a .weights.json file on the x,y rows of a train and a test CSV
and compares every epoch's train and test loss with a history CSV written by
`backprop-studio train --preset deep-momentum --no-shuffle`. Exits 1 if any relative difference
exceeds the tolerance.

    python3 scripts/crosscheck_seed002.py w0.weights.json train.csv test.csv h.csv
"""
import json
import sys

import numpy as np


class Linear:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.parameters = [self.W, self.b]
        self.grads = [np.zeros_like(W), np.zeros_like(b)]

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, grad):
        self.grads[0][...] = self.x.T @ grad
        self.grads[1][...] = grad.sum(axis=0, keepdims=True)
        return grad @ self.W.T


class ReLU:
    parameters, grads = [], []

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, grad):
        return np.where(self.mask, grad, 0.0)


class Sequential:
    def __init__(self, *layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad):
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def parameters(self):
        return [(p, g) for layer in self.layers for p, g in zip(layer.parameters, layer.grads)]


class MSE:
    def forward(self, pred, target):
        return float(np.mean(0.5 * (pred - target) ** 2))

    def backward(self, pred, target):
        return pred - target  # not divided by the batch size: the gradient of the sum


class SGD:
    def __init__(self, parameters, lr, momentum, weight_decay=0.0):
        self.parameters = parameters
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.velocity = [np.zeros_like(p) for p, _ in parameters]

    def step(self):
        for (p, grad), v in zip(self.parameters, self.velocity):
            decay = self.weight_decay * grad  # its L2 term, as written
            v = self.momentum * v + grad + decay  # rebinds v: self.velocity is never updated
            p -= self.lr * v


def batches(n, size):
    """BatchSampler in order, the last short batch dropped."""
    for start in range(0, n - size + 1, size):
        yield slice(start, start + size)


def main(weights_path, train_path, test_path, history_path, lr=0.01, momentum=0.9, batch=4, tolerance=1e-9):
    net = json.load(open(weights_path))
    kinds = [layer["activation"] for layer in net["network"]["layers"]]
    assert kinds == ["relu", "relu", "relu", "identity"], kinds
    layers = []
    for kind, p in zip(kinds, net["parameters"]):
        layers.append(Linear(np.array(p["W"], dtype=float), np.array(p["b"], dtype=float).reshape(1, -1)))
        if kind == "relu":
            layers.append(ReLU())
    model = Sequential(*layers)
    loss = MSE()
    optimizer = SGD(model.parameters(), lr, momentum)
    train = np.loadtxt(train_path, delimiter=",", skiprows=1, ndmin=2)
    test = np.loadtxt(test_path, delimiter=",", skiprows=1, ndmin=2)
    history = np.loadtxt(history_path, delimiter=",", skiprows=1, ndmin=2)

    worst = 0.0
    for row in history:
        epoch = int(row[0])
        losses = []
        for s in batches(len(train), batch):
            x, y = train[s, :1], train[s, 1:]
            pred = model.forward(x)
            losses.append(loss.forward(pred, y))
            model.backward(loss.backward(pred, y))
            optimizer.step()
        train_loss = float(np.mean(losses))
        test_loss = loss.forward(model.forward(test[:, :1]), test[:, 1:])
        for mine, theirs, what in ((train_loss, row[1], "train"), (test_loss, row[2], "test")):
            rel = abs(mine - theirs) / max(abs(mine), 1e-300)
            worst = max(worst, rel)
            if rel > tolerance:
                print(f"epoch {epoch}: {what} loss numpy {mine!r} vs history {theirs!r} (relative {rel:.3e})")
                return 1
    assert all(not v.any() for v in optimizer.velocity), "the rebound velocity stays zero"
    print(f"seed 002: {len(history)} epochs agree: max relative difference {worst:.3e} (tolerance {tolerance:g})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
