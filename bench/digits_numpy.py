#!/usr/bin/env python3
"""W4's peer: the digit tutorial's own numpy loop (seed 003), on the bundled digits.

The tutorial's layered classes (Affine, Relu, SoftmaxWithLoss, as in scripts/crosscheck_digits.py)
and its loop: 5 000 steps, each a batch of 200 drawn with replacement (np.random.choice), forward,
backward, plain SGD at lr 0.01; after every ⌊train / 200⌋ steps the accuracy on the training and
the validation digits. Prints the training's seconds (the data read before the clock starts) and
the final accuracies, as `seconds=… train_acc=… val_acc=…`.

    python3 bench/digits_numpy.py [steps]
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import digits_data  # noqa: E402


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
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


class ThreeLayerNet:
    def __init__(self, sizes=(784, 64, 32, 10), weight_init_std=0.01):
        self.layers = []
        for k in range(len(sizes) - 1):
            W = weight_init_std * np.random.randn(sizes[k], sizes[k + 1])
            self.layers.append(Affine(W, np.zeros(sizes[k + 1])))
            if k < len(sizes) - 2:
                self.layers.append(Relu())
        self.last = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last.forward(self.predict(x), t)

    def accuracy(self, x, t):
        return np.sum(np.argmax(self.predict(x), axis=1) == np.argmax(t, axis=1)) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)

    def update(self, lr):
        for layer in self.layers:
            if isinstance(layer, Affine):
                layer.W -= lr * layer.dW
                layer.b -= lr * layer.db


def main(steps=5000, batch=200, lr=0.01):
    x_train, t_train, x_val, t_val = digits_data.load()
    np.random.seed(0)
    net = ThreeLayerNet()
    per_epoch = max(len(x_train) // batch, 1)
    start = time.perf_counter()
    train_acc = val_acc = float("nan")
    for i in range(steps):
        mask = np.random.choice(len(x_train), batch)
        net.gradient(x_train[mask], t_train[mask])
        net.update(lr)
        if (i + 1) % per_epoch == 0 or i + 1 == steps:
            train_acc = net.accuracy(x_train, t_train)
            val_acc = net.accuracy(x_val, t_val)
    seconds = time.perf_counter() - start
    print(f"seconds={seconds:.3f} train_acc={train_acc:.4f} val_acc={val_acc:.4f}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
