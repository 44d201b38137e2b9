#!/usr/bin/python3
"""Writes reference.json: intensity statistics and uniform LBP histogram of the bundled cryo-ET sample.

Run with Debian's interpreter (python3-skimage, python3-scipy, python3-numpy) from any folder:

    /usr/bin/python3 examples/SC2Mid.Examples.Intensity/Tests/TestData/make_reference.py
"""
import json
import pathlib
import platform

import numpy as np
import scipy
import scipy.stats
import skimage
from skimage import io
from skimage.feature import local_binary_pattern

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[3]
IMAGE = REPO / "samples" / "cryoet" / "TS_001.133.tif"
MASK = REPO / "samples" / "cryoet" / "TS_001.133_ground_truth.tif"
POINTS = 8
RADIUS = 1


def main():
    image = io.imread(IMAGE)
    mask = io.imread(MASK) > 0
    values = image[mask].astype(np.float64)

    # LBP is computed on the whole image, so that neighbours outside the mask count, then histogrammed inside it.
    codes = local_binary_pattern(image, POINTS, RADIUS, method="uniform")
    histogram = np.bincount(codes[mask].astype(np.int64), minlength=POINTS + 2) / mask.sum()

    reference = {
        "image": str(IMAGE.relative_to(REPO)),
        "mask": str(MASK.relative_to(REPO)),
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-image": skimage.__version__,
        },
        "pixels": int(mask.sum()),
        "mean": float(values.mean()),
        "std": float(values.std()),
        "min": float(values.min()),
        "max": float(values.max()),
        "median": float(np.median(values)),
        "skewness": float(scipy.stats.skew(values, bias=True)),
        "kurtosis": float(scipy.stats.kurtosis(values, fisher=True, bias=True)),
        "lbp": {
            "call": f"local_binary_pattern(image, P={POINTS}, R={RADIUS}, method='uniform')",
            "histogram": [float(v) for v in histogram],
        },
    }
    (HERE / "reference.json").write_text(json.dumps(reference, indent=2) + "\n")


if __name__ == "__main__":
    main()
