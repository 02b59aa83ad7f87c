#!/usr/bin/env python3
"""W3's peer: 1-256-256-256-1 relu, batches of 256 from 8 192 samples of sin x, half squared error
averaged over the batch, plain SGD lr 0.001, He initialisation: the same training as `bench
--workload W3`, in numpy with whatever BLAS it was built with. Its GFLOP/s count the three matrix
products per layer as the bench does (forward X·W, backward Xᵀ·dZ, and dZ·Wᵀ for every layer but
the first; a multiply and an add are two operations). Threads: set OPENBLAS_NUM_THREADS.

    python3 bench/w3_numpy.py [epochs]

Prints `seconds=… gflops=…`.
"""
import sys
import time

import numpy as np


def main(epochs=2, batch=256, samples=8192, width=256, lr=0.001):
    rng = np.random.default_rng(0)
    x = rng.uniform(-np.pi, np.pi, (samples, 1))
    y = np.sin(x)
    sizes = [1, width, width, width, 1]
    W = [rng.standard_normal((sizes[k], sizes[k + 1])) * np.sqrt(2.0 / sizes[k]) for k in range(4)]
    b = [np.zeros(sizes[k + 1]) for k in range(4)]
    flops_per_sample = sum(4 * sizes[k] * sizes[k + 1] + (2 * sizes[k] * sizes[k + 1] if k > 0 else 0)
                           for k in range(4))
    start = time.perf_counter()
    for _ in range(epochs):
        order = rng.permutation(samples)
        for s in range(0, samples, batch):
            idx = order[s:s + batch]
            acts = [x[idx]]
            for k in range(4):
                z = acts[-1] @ W[k] + b[k]
                acts.append(np.maximum(z, 0) if k < 3 else z)
            d = (acts[-1] - y[idx]) / len(idx)
            for k in range(3, -1, -1):
                dW = acts[k].T @ d
                db = d.sum(axis=0)
                if k > 0:
                    d = (d @ W[k].T) * (acts[k] > 0)
                W[k] -= lr * dW
                b[k] -= lr * db
    seconds = time.perf_counter() - start
    print(f"seconds={seconds:.4f} gflops={epochs * samples * flops_per_sample / seconds / 1e9:.2f}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
