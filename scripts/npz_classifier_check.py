#!/usr/bin/env python3
"""Loads a classifier's .npz with numpy alone and checks its classes and probabilities against `predict`.

    python3 scripts/npz_classifier_check.py net.npz inputs.csv predictions.csv

inputs.csv has the columns x1,…,xn; predictions.csv is `backprop-studio.jar predict --weights
net.weights.json --x-file inputs.csv --out predictions.csv` (label,p0,…). The loop below is the
README's classifier snippet.
"""
import json
import sys

import numpy as np

npz_path, inputs_path, csv_path = sys.argv[1:4]
X = np.loadtxt(inputs_path, delimiter=",", skiprows=1, ndmin=2)
expected = np.loadtxt(csv_path, delimiter=",", skiprows=1, ndmin=2)

net = np.load(npz_path)
arch = json.loads(net["architecture.json"])
f = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "identity": lambda z: z, "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0)}
a = X
for L in arch["layers"]:
    a = f[L["activation"]](a @ net[L["W"]] + (net[L["b"]] if L["bias"] else 0))
assert arch["readout"] == "softmax", arch["readout"]
p = np.exp(a - a.max(axis=1, keepdims=True))
p /= p.sum(axis=1, keepdims=True)
label = p.argmax(axis=1)

same_labels = bool(np.all(label == expected[:, 0].astype(int)))
worst = float(np.max(np.abs(p - expected[:, 1:])))
print(f"numpy reproduces {len(X)} classes ({'all the same' if same_labels else 'NOT the same'}) and their "
      f"probabilities from {npz_path}: max difference {worst:.3e}")
sys.exit(0 if same_labels and worst < 1e-12 else 1)
