#!/usr/bin/env python3
"""Loads a Backprop Studio .npz with numpy alone and checks its predictions against `predict`.

    python3 scripts/npz_check.py net.npz predictions.csv

predictions.csv is `backprop-studio.jar predict --weights net.weights.json --out predictions.csv`.
The loop below is the README's "Use your trained network in Python" snippet.
"""
import json
import sys

import numpy as np

npz_path, csv_path = sys.argv[1], sys.argv[2]
expected = np.loadtxt(csv_path, delimiter=",", skiprows=1, ndmin=2)

net = np.load(npz_path)
f = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "identity": lambda z: z, "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0)}
a = expected[:, :1]
for L in json.loads(net["architecture.json"])["layers"]:
    a = f[L["activation"]](a @ net[L["W"]] + (net[L["b"]] if L["bias"] else 0))

worst = float(np.max(np.abs(a[:, 0] - expected[:, 1])))
print(f"numpy reproduces {len(expected)} predictions from {npz_path}: max difference {worst:.3e}")
sys.exit(0 if worst < 1e-12 else 1)
