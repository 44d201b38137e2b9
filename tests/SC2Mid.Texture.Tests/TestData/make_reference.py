#!/usr/bin/python3
"""Write the test images and the scikit-image reference values for SC2Mid.Texture.Tests.

Run it with Debian's interpreter, which has python3-skimage and python3-opencv:

    /usr/bin/python3 tests/SC2Mid.Texture.Tests/TestData/make_reference.py

It rewrites images/, masks/ and reference.json beside this file. README.md beside this file says what each
case pins and how the masked co-occurrence matrices are computed, since scikit-image has no mask argument.
"""

import json
import platform
from pathlib import Path

import cv2
import numpy as np
import skimage
from skimage.feature import graycomatrix, graycoprops, hog

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CRYO_IMAGE = "samples/cryoet/TS_001.133.tif"
CRYO_MASK = "samples/cryoet/TS_001.133_ground_truth.tif"

# The plugin's angles, in scikit-image's radians, and their names.
ANGLES = [0.0, np.pi / 4, np.pi / 2, 3 * np.pi / 4]
ANGLE_NAMES = ["0", "45", "90", "135"]
PROPERTIES = ["contrast", "dissimilarity", "homogeneity", "asm", "energy", "correlation"]

# MATLAB graycomatrix offsets [0 D; -D D; -D 0; -D -D], as (row, column).
MATLAB_OFFSETS = [lambda d: (0, d), lambda d: (-d, d), lambda d: (-d, 0), lambda d: (-d, -d)]

# Number of HOG values kept from a long vector: evenly spaced indices plus the first and last.
HOG_SAMPLE_COUNT = 400

GLCM_DEFAULTS = {"distances": [1], "levels": 256, "range": [], "region": "mask",
                 "convention": "skimage", "symmetric": True, "normed": True}


# ---------------------------------------------------------------------------------------------
# Images. Every synthetic image comes from numpy.random.default_rng with a fixed seed.
# ---------------------------------------------------------------------------------------------

def write_png(folder, name, array):
    path = HERE / folder / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not cv2.imwrite(str(path), array):
        raise RuntimeError(f"cv2.imwrite failed for {path}")
    return str(path.relative_to(REPO))


def read(relative):
    image = cv2.imread(str(REPO / relative), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise FileNotFoundError(relative)
    return image


def disk_mask(height, width, cy, cx, radius):
    yy, xx = np.mgrid[0:height, 0:width]
    return (((yy - cy) ** 2 + (xx - cx) ** 2) <= radius ** 2).astype(np.uint8) * 255


def make_images():
    rng = np.random.default_rng(20261204)
    images = {}

    # Levels 0..3 with no symmetry, so that every angle and both pair orders give different matrices.
    images["levels4_asymmetric"] = rng.integers(0, 4, size=(6, 7), dtype=np.uint8)
    full = np.full((6, 7), 255, np.uint8)

    # A ragged mask with a hole over random 8-bit values.
    noise = rng.integers(0, 256, size=(14, 13), dtype=np.uint8)
    ragged = disk_mask(14, 13, 6.5, 6.0, 5.6)
    ragged[6:8, 5:7] = 0
    ragged[0:3, 9:13] = 255
    images["noise8"] = noise

    # One grey level inside a disk, other values outside it.
    flat = rng.integers(0, 256, size=(12, 12), dtype=np.uint8)
    flat_mask = disk_mask(12, 12, 5.5, 5.5, 4.5)
    flat[flat_mask > 0] = 7
    images["flat_disk"] = flat

    # 16-bit values spread over 1000..5000 inside the mask, extremes outside.
    wide = rng.integers(1000, 5001, size=(10, 11)).astype(np.uint16)
    wide_mask = disk_mask(10, 11, 4.5, 5.0, 4.2)
    wide[wide_mask == 0] = rng.integers(0, 65536, size=int((wide_mask == 0).sum())).astype(np.uint16)
    images["wide16"] = wide

    # HOG inputs: random 8-bit texture, a diagonal ramp whose gradient angle is exactly 45 degrees (a bin
    # boundary with 4 orientations), and a 16-bit blob.
    images["hog_noise"] = rng.integers(0, 256, size=(40, 48), dtype=np.uint8)
    yy, xx = np.mgrid[0:24, 0:24]
    images["hog_ramp"] = (3 * (yy + xx)).astype(np.uint8)
    blob = (20000 + 30000 * np.exp(-(((yy - 11.0) / 7) ** 2 + ((xx - 13.0) / 5) ** 2))
            + rng.normal(0, 500, size=(24, 24))).astype(np.uint16)
    images["hog_blob16"] = blob
    blob_mask = disk_mask(24, 24, 11.0, 13.0, 8.5)
    blob_mask[:7, :] = 0
    blob_mask[16:, :] = 0

    masks = {"full6x7": full, "ragged": ragged, "flat_disk": flat_mask, "wide16": wide_mask,
             "hog_full40x48": np.full((40, 48), 255, np.uint8), "hog_full24": np.full((24, 24), 255, np.uint8),
             "hog_blob16": blob_mask}
    paths = {name: write_png("images", name, array) for name, array in images.items()}
    paths.update({f"mask:{name}": write_png("masks", name, array) for name, array in masks.items()})
    return paths


# ---------------------------------------------------------------------------------------------
# GLCM.
# ---------------------------------------------------------------------------------------------

def quantise(grey, inside, levels, value_range, bit_depth):
    """floor((clamp(v, low, high) - low) * levels / (high - low + 1)), with the plugin's default range."""
    if value_range:
        low, high = value_range
    elif bit_depth == 8:
        low, high = 0, 255
    else:
        low, high = int(grey[inside].min()), int(grey[inside].max())
    clamped = np.clip(grey.astype(np.int64), low, high)
    return (clamped - low) * levels // (high - low + 1)


def region_window(grey, mask, region):
    """Window and inside flags: the mask's bounding box for mask and bbox, the whole image for image."""
    if region == "image":
        return grey, np.ones(grey.shape, bool)
    x, y, w, h = cv2.boundingRect((mask > 0).astype(np.uint8))
    window = grey[y:y + h, x:x + w]
    inside = mask[y:y + h, x:x + w] > 0 if region == "mask" else np.ones(window.shape, bool)
    return window, inside


def count_pairs(levels_image, inside, offset, levels):
    """Counts pairs ((r, c), (r + dr, c + dc)) with both pixels inside, with NumPy indexing: no scikit-image."""
    dr, dc = offset
    rows, cols = levels_image.shape
    r0, r1 = max(0, -dr), min(rows, rows - dr)
    c0, c1 = max(0, -dc), min(cols, cols - dc)
    first = levels_image[r0:r1, c0:c1]
    second = levels_image[r0 + dr:r1 + dr, c0 + dc:c1 + dc]
    both = inside[r0:r1, c0:c1] & inside[r0 + dr:r1 + dr, c0 + dc:c1 + dc]
    counts = np.zeros((levels, levels), np.int64)
    np.add.at(counts, (first[both], second[both]), 1)
    return counts


def skimage_counts(levels_image, inside, distances, levels):
    """scikit-image's graycomatrix with outside pixels set to a reserved level L, whose row and column are dropped."""
    reserved = np.where(inside, levels_image, levels).astype(np.uint16)
    full = graycomatrix(reserved, distances, ANGLES, levels=levels + 1, symmetric=False, normed=False)
    return full[:levels, :levels].astype(np.int64)


def finish_matrix(counts, symmetric, normed):
    matrix = (counts + counts.T) if symmetric else counts.copy()
    matrix = matrix.astype(np.float64)
    if normed and matrix.sum() > 0:
        matrix /= matrix.sum()
    return matrix


def glcm_properties(matrix, convention):
    """Properties of one matrix: graycoprops, with MATLAB's energy and homogeneity for the matlab convention."""
    p4 = matrix[:, :, None, None]
    values = {
        "contrast": graycoprops(p4, "contrast")[0, 0],
        "dissimilarity": graycoprops(p4, "dissimilarity")[0, 0],
        "homogeneity": graycoprops(p4, "homogeneity")[0, 0],
        "asm": graycoprops(p4, "ASM")[0, 0],
        "energy": graycoprops(p4, "energy")[0, 0],
        "correlation": graycoprops(p4, "correlation")[0, 0],
    }
    if convention == "matlab":
        p = matrix / matrix.sum()
        i, j = np.ogrid[0:matrix.shape[0], 0:matrix.shape[1]]
        values["energy"] = values["asm"]
        values["homogeneity"] = float(np.sum(p / (1.0 + np.abs(i - j))))
    return {name: float(value) for name, value in values.items()}


def is_flat(matrix):
    """graycoprops' rule: a marginal standard deviation below 1e-15."""
    p = matrix / matrix.sum()
    levels = np.arange(matrix.shape[0])
    std_i = np.sqrt(np.sum(p * (levels[:, None] - np.sum(levels[:, None] * p)) ** 2))
    std_j = np.sqrt(np.sum(p * (levels[None, :] - np.sum(levels[None, :] * p)) ** 2))
    return bool(std_i < 1e-15 or std_j < 1e-15)


def glcm_case(name, description, image, mask, overrides, keep_matrices=True):
    settings = dict(GLCM_DEFAULTS, **overrides)
    grey = read(image)
    bit_depth = 16 if grey.dtype == np.uint16 else 8
    window, inside = region_window(grey, read(mask), settings["region"])
    levels = settings["levels"]
    levels_image = quantise(window, inside, levels, settings["range"], bit_depth)
    distances = settings["distances"]

    by_skimage = skimage_counts(levels_image, inside, distances, levels) \
        if settings["convention"] == "skimage" else None
    features, matrices, offsets = {}, {}, {}
    flat_matrices = 0
    for k, distance in enumerate(distances):
        segment = "" if k == 0 else f"d{distance}."
        sums = {prop: 0.0 for prop in PROPERTIES}
        for a, angle in enumerate(ANGLES):
            if settings["convention"] == "skimage":
                offset = (int(round(np.sin(angle) * distance)), int(round(np.cos(angle) * distance)))
                counts = by_skimage[:, :, k, a]
                direct = count_pairs(levels_image, inside, offset, levels)
                if not np.array_equal(counts, direct):
                    raise AssertionError(f"{name}: reserved-level and direct pair counts differ at d={distance}, "
                                         f"angle {ANGLE_NAMES[a]}")
            else:
                offset = MATLAB_OFFSETS[a](distance)
                counts = count_pairs(levels_image, inside, offset, levels)
            offsets[f"{distance}:{ANGLE_NAMES[a]}"] = list(offset)
            matrix = finish_matrix(counts, settings["symmetric"], settings["normed"])
            if keep_matrices:
                matrices[f"{distance}:{ANGLE_NAMES[a]}"] = matrix.tolist()
            if counts.sum() == 0:
                raise AssertionError(f"{name}: no pair at d={distance}, angle {ANGLE_NAMES[a]}")
            values = glcm_properties(matrix, settings["convention"])
            flat_matrices += is_flat(matrix)
            for prop in PROPERTIES:
                features[f"glcm.{prop}.{segment}{ANGLE_NAMES[a]}"] = values[prop]
                sums[prop] += values[prop]
        for prop in PROPERTIES:
            features[f"glcm.{prop}.{segment}mean"] = sums[prop] / len(ANGLES)
    features["glcm.levels_used"] = int(len(np.unique(levels_image[inside])))
    features["glcm.flat_matrices"] = flat_matrices
    features["glcm.distance"] = distances[0]
    return {"name": name, "description": description, "image": image, "mask": mask, "parameters": overrides,
            "features": features, "matrices": matrices, "offsets": offsets}


# ---------------------------------------------------------------------------------------------
# HOG.
# ---------------------------------------------------------------------------------------------

def masked_box(grey, mask):
    x, y, w, h = cv2.boundingRect((mask > 0).astype(np.uint8))
    return grey[y:y + h, x:x + w].astype(np.float64) * (mask[y:y + h, x:x + w] > 0)


def hog_vector_entry(vector):
    """The whole vector when short, otherwise its length, sums and evenly spaced samples."""
    vector = np.asarray(vector, dtype=np.float64)
    entry = {"length": int(vector.size), "sum": float(vector.sum()), "sum_of_squares": float(np.sum(vector ** 2))}
    if vector.size <= 2000:
        entry["indices"] = list(range(vector.size))
    else:
        entry["indices"] = sorted(set(np.linspace(0, vector.size - 1, HOG_SAMPLE_COUNT).astype(int).tolist()))
    entry["values"] = [float(vector[i]) for i in entry["indices"]]
    return entry


def hog_paper36_case(name, description, image, mask):
    resized = cv2.resize(masked_box(read(image), read(mask)), (16, 16), interpolation=cv2.INTER_AREA)
    vector = hog(resized, orientations=9, pixels_per_cell=(8, 8), cells_per_block=(2, 2), block_norm="L2-Hys",
                 feature_vector=True)
    return {"name": name, "description": description, "image": image, "mask": mask,
            "parameters": {"preset": "paper36"}, "input": resized.ravel().tolist(),
            "features": {f"hog.{i}": float(v) for i, v in enumerate(vector)}}


def hog_general_case(name, description, image, mask, region, orientations, pixels_per_cell, cells_per_block,
                     block_norm, transform_sqrt=False):
    grey, mask_array = read(image), read(mask)
    source = masked_box(grey, mask_array) if region == "mask" else grey.astype(np.float64)
    vector = hog(source, orientations=orientations, pixels_per_cell=(pixels_per_cell, pixels_per_cell),
                 cells_per_block=(cells_per_block, cells_per_block), block_norm=block_norm,
                 transform_sqrt=transform_sqrt, feature_vector=True)
    parameters = {"preset": "general", "region": region, "orientations": orientations,
                  "pixels_per_cell": pixels_per_cell, "cells_per_block": cells_per_block,
                  "block_norm": block_norm, "transform_sqrt": transform_sqrt}
    return {"name": name, "description": description, "image": image, "mask": mask, "parameters": parameters,
            "input_shape": list(source.shape), "vector": hog_vector_entry(vector),
            "features": {"hog.general_length": int(vector.size)}}


# ---------------------------------------------------------------------------------------------

def main():
    paths = make_images()
    levels4 = {"levels": 4, "range": [0, 3], "region": "image"}
    glcm = [
        glcm_case("levels4_plain", "Levels 0..3, whole image, neither symmetric nor normed: pins each angle's "
                  "direction and the pair order.", paths["levels4_asymmetric"], paths["mask:full6x7"],
                  dict(levels4, symmetric=False, normed=False)),
        glcm_case("levels4_symmetric", "The same image, symmetric and normed (the defaults).",
                  paths["levels4_asymmetric"], paths["mask:full6x7"], levels4),
        glcm_case("levels4_distances", "Distances 1, 2, 3: scikit-image's diagonal offsets are "
                  "round(d/sqrt(2)), so d = 2 pairs with (1, 1) and d = 3 with (2, 2).",
                  paths["levels4_asymmetric"], paths["mask:full6x7"],
                  dict(levels4, distances=[1, 2, 3], symmetric=False, normed=False)),
        glcm_case("levels4_matlab", "MATLAB offsets [0 D; -D D; -D 0; -D -D], energy = ASM, homogeneity "
                  "1/(1 + |i - j|), distances 1 and 2.", paths["levels4_asymmetric"], paths["mask:full6x7"],
                  dict(levels4, distances=[1, 2], convention="matlab", symmetric=False, normed=False)),
        glcm_case("noise8_mask", "Random 8-bit values in 8 levels, pairs only inside a ragged mask with a hole.",
                  paths["noise8"], paths["mask:ragged"], {"levels": 8}),
        glcm_case("noise8_bbox", "The same, with every pair inside the mask's bounding box.",
                  paths["noise8"], paths["mask:ragged"], {"levels": 8, "region": "bbox"}),
        glcm_case("flat_disk", "One grey level (7) inside the mask: correlation is 1 by rule in every matrix.",
                  paths["flat_disk"], paths["mask:flat_disk"], {}, keep_matrices=False),
        glcm_case("wide16_object_range", "16-bit input quantised to 8 levels over the object's min..max.",
                  paths["wide16"], paths["mask:wide16"], {"levels": 8}),
        glcm_case("wide16_fixed_range", "16-bit input quantised to 16 levels over the fixed range 0..65535.",
                  paths["wide16"], paths["mask:wide16"], {"levels": 16, "range": [0, 65535]}),
        glcm_case("cryoet_default", "The cryo-ET slice with its ground-truth mask, default parameters.",
                  CRYO_IMAGE, CRYO_MASK, {}, keep_matrices=False),
        glcm_case("cryoet_matlab_d1_3", "The cryo-ET pair under the MATLAB convention at distances 1 and 3.",
                  CRYO_IMAGE, CRYO_MASK, {"convention": "matlab", "distances": [1, 3]}, keep_matrices=False),
        glcm_case("cryoet_image_64", "The whole cryo-ET image in 64 levels.",
                  CRYO_IMAGE, CRYO_MASK, {"levels": 64, "region": "image"}, keep_matrices=False),
    ]
    hog_cases = [
        hog_paper36_case("cryoet_paper36", "The study's 36 values of the cryo-ET pair.", CRYO_IMAGE, CRYO_MASK),
        hog_paper36_case("blob16_paper36", "paper36 of a 16-bit blob smaller than 16 x 16 px in one direction.",
                         paths["hog_blob16"], paths["mask:hog_blob16"]),
        hog_general_case("noise_l2hys", "Random texture, 8 px cells, 3 x 3 blocks, L2-Hys.",
                         paths["hog_noise"], paths["mask:hog_full40x48"], "image", 9, 8, 3, "L2-Hys"),
        hog_general_case("noise_l1", "Random texture, 6 px cells (40 rows is not a multiple of 6), L1.",
                         paths["hog_noise"], paths["mask:hog_full40x48"], "image", 9, 6, 2, "L1"),
        hog_general_case("noise_l1sqrt", "Random texture, 7 px cells leaving pixels outside any cell, L1-sqrt.",
                         paths["hog_noise"], paths["mask:hog_full40x48"], "image", 12, 7, 2, "L1-sqrt"),
        hog_general_case("noise_l2_sqrt", "Random texture, L2 with transform_sqrt.",
                         paths["hog_noise"], paths["mask:hog_full40x48"], "image", 9, 8, 2, "L2", True),
        hog_general_case("ramp_boundary", "Diagonal ramp: every gradient lies at exactly 45 degrees, a bin "
                         "boundary with 4 orientations.", paths["hog_ramp"], paths["mask:hog_full24"],
                         "image", 4, 8, 2, "L1"),
        hog_general_case("blob16_mask", "16-bit blob, masked bounding box, 4 px cells.",
                         paths["hog_blob16"], paths["mask:hog_blob16"], "mask", 9, 4, 2, "L2-Hys"),
        hog_general_case("cryoet_mask_16", "The cryo-ET object's masked bounding box, 16 px cells, 2 x 2 blocks.",
                         CRYO_IMAGE, CRYO_MASK, "mask", 9, 16, 2, "L2-Hys"),
        hog_general_case("cryoet_image_8", "The whole cryo-ET image with scikit-image's defaults.",
                         CRYO_IMAGE, CRYO_MASK, "image", 9, 8, 3, "L2-Hys"),
    ]
    versions = {"python": platform.python_version(), "numpy": np.__version__, "scikit-image": skimage.__version__,
                "opencv": cv2.__version__}
    document = {"versions": versions, "glcm": glcm, "hog": hog_cases}
    (HERE / "reference.json").write_text(json.dumps(document, indent=1) + "\n")


if __name__ == "__main__":
    main()
