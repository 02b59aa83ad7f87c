"""The bundled digits as the studio reads them, for the speed peers: the same IDX files, the same
split (the first tenth of the training digits held out for validation, the rest trained on)."""
import gzip
import os

import numpy as np

HOME = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                    "org", "backpropstudio", "digits")


def _read(name, offset):
    with gzip.open(os.path.join(HOME, name)) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load():
    """(x_train, t_train, x_val, t_val): pixels / 255 as float64 (n × 784), one-hot targets (n × 10)."""
    x = _read("train-images-idx3-ubyte.gz", 16).reshape(-1, 784) / 255.0
    t = np.eye(10)[_read("train-labels-idx1-ubyte.gz", 8)]
    held = len(x) // 10
    return x[held:], t[held:], x[:held], t[:held]
