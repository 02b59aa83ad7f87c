#!/usr/bin/env python3
"""W4's peer in PyTorch: the same network, initialisation, loss, plain SGD, batches of 200 drawn with
replacement and accuracy passes as bench/digits_numpy.py, on the bundled digits, with torch's
autograd (the peer may use it; our engine may not).

    python3 bench/digits_torch.py [float64|float32] [threads] [steps]

Prints `seconds=… train_acc=… val_acc=…` (the data read and converted before the clock starts).
"""
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import digits_data  # noqa: E402


def main(dtype="float64", threads="1", steps="5000", batch=200, lr=0.01):
    torch.set_num_threads(int(threads))
    dt = getattr(torch, dtype)
    x_train, t_train, x_val, t_val = digits_data.load()
    x_train = torch.tensor(x_train, dtype=dt)
    x_val = torch.tensor(x_val, dtype=dt)
    y_train = torch.tensor(np.argmax(t_train, axis=1))
    y_val = torch.tensor(np.argmax(t_val, axis=1))
    torch.manual_seed(0)
    sizes = (784, 64, 32, 10)
    params = []
    for k in range(3):
        params.append((0.01 * torch.randn(sizes[k], sizes[k + 1], dtype=dt)).requires_grad_())
        params.append(torch.zeros(sizes[k + 1], dtype=dt, requires_grad=True))

    def predict(x):
        for k in range(3):
            x = x @ params[2 * k] + params[2 * k + 1]
            if k < 2:
                x = torch.relu(x)
        return x

    def accuracy(x, y):
        with torch.no_grad():
            return (predict(x).argmax(dim=1) == y).double().mean().item()

    per_epoch = max(len(x_train) // batch, 1)
    train_acc = val_acc = float("nan")
    start = time.perf_counter()
    for i in range(int(steps)):
        mask = torch.randint(len(x_train), (batch,))
        loss = torch.nn.functional.cross_entropy(predict(x_train[mask]), y_train[mask])
        for p in params:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= lr * p.grad
        if (i + 1) % per_epoch == 0 or i + 1 == int(steps):
            train_acc = accuracy(x_train, y_train)
            val_acc = accuracy(x_val, y_val)
    seconds = time.perf_counter() - start
    print(f"seconds={seconds:.3f} train_acc={train_acc:.4f} val_acc={val_acc:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
