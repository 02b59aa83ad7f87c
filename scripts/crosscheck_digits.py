#!/usr/bin/env python3
"""An independent numpy copy of the digit tutorial's classes, to cross-check the digit classifier.

The classes follow the tutorial's layered network: `Affine`, `Relu`, `SoftmaxWithLoss` (its
cross-entropy adds 1e-7 inside the log; ours is exact, so losses agree to about 1e-7 relative, not
to the last digit) and `SGD`. Trained from the initial weights of a .weights.json file on the
x1..xn,label rows of a train and a test CSV, batches in file order, and compared after every
epoch with what `backprop-studio train --preset digits-softmax --sampling order` wrote: the
weights (one .weights.json per epoch) to 1e-9 relative, the accuracies exactly, the losses to
1e-6 relative. Exits 1 at the first difference.

    python3 scripts/crosscheck_digits.py w0.weights.json train.csv test.csv h.csv w1.weights.json ...
"""
import json
import sys

import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        return dout @ self.W.T


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


def softmax(x):
    x = x - np.max(x, axis=1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=1, keepdims=True)


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        return -np.sum(t * np.log(self.y + 1e-7)) / x.shape[0]

    def backward(self):
        return (self.y - self.t) / self.t.shape[0]


class SGD:
    def __init__(self, lr):
        self.lr = lr

    def update(self, layers):
        for layer in layers:
            if isinstance(layer, Affine):
                layer.W -= self.lr * layer.dW
                layer.b -= self.lr * layer.db


def load(path):
    rows = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    x, labels = rows[:, :-1], rows[:, -1].astype(int)
    return x, np.eye(10)[labels]


def weights(path):
    return [np.array(p["W"], dtype=float) for p in json.load(open(path))["parameters"]], \
           [np.array(p["b"], dtype=float) for p in json.load(open(path))["parameters"]]


def main(w0, train_path, test_path, history_path, *epoch_weights, lr=0.01, batch=200):
    Ws, bs = weights(w0)
    layers = []
    for k, (W, b) in enumerate(zip(Ws, bs)):
        layers.append(Affine(W, b))
        if k < len(Ws) - 1:
            layers.append(Relu())
    last = SoftmaxWithLoss()
    sgd = SGD(lr)
    x_train, t_train = load(train_path)
    x_test, t_test = load(test_path)
    history = np.loadtxt(history_path, delimiter=",", skiprows=1, ndmin=2)

    def predict(x):
        for layer in layers:
            x = layer.forward(x)
        return x

    def accuracy(x, t):
        return float(np.mean(np.argmax(predict(x), axis=1) == np.argmax(t, axis=1)))

    worst = {"weights": 0.0, "loss": 0.0}
    for e, row in enumerate(history):
        losses = []
        for start in range(0, len(x_train) - batch + 1, batch):  # in file order
            losses.append(last.forward(predict(x_train[start:start + batch]), t_train[start:start + batch]))
            dout = last.backward()
            for layer in reversed(layers):
                dout = layer.backward(dout)
            sgd.update(layers)
        train_loss = float(np.mean(losses))
        test_loss = last.forward(predict(x_test), t_test)
        mine = (train_loss, test_loss, accuracy(x_train, t_train), accuracy(x_test, t_test))
        for k, what in ((0, "train loss"), (1, "test loss")):
            rel = abs(mine[k] - row[1 + k]) / abs(row[1 + k])
            worst["loss"] = max(worst["loss"], rel)
            if rel > 1e-6:
                print(f"epoch {e + 1}: {what} numpy {mine[k]!r} vs ours {row[1 + k]!r} (relative {rel:.3e})")
                return 1
        for k, what in ((2, "train accuracy"), (3, "test accuracy")):
            if mine[k] != row[1 + k]:
                print(f"epoch {e + 1}: {what} numpy {mine[k]!r} vs ours {row[1 + k]!r}")
                return 1
        if e < len(epoch_weights):
            theirs_W, theirs_b = weights(epoch_weights[e])
            affine = [layer for layer in layers if isinstance(layer, Affine)]
            for k, layer in enumerate(affine):
                for name, a, b in (("W", layer.W, theirs_W[k]), ("b", layer.b, theirs_b[k])):
                    rel = float(np.max(np.abs(a - b)) / np.max(np.abs(b)))
                    worst["weights"] = max(worst["weights"], rel)
                    if rel > 1e-9:
                        print(f"epoch {e + 1}: layer {k + 1} {name} differs by {rel:.3e} relative")
                        return 1
    print(f"digits: {len(history)} epochs agree: weights after {len(epoch_weights)} of them to "
          f"{worst['weights']:.3e} relative, accuracies exactly, losses to {worst['loss']:.3e} (the tutorial's "
          f"1e-7 inside the log)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
