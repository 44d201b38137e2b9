#!/usr/bin/python3
"""Write the test masks, grey images and reference feature values for SC2Mid.Plugins.Tests.

Run it with Debian's interpreter, which has python3-skimage and python3-opencv:

    /usr/bin/python3 tests/SC2Mid.Plugins.Tests/TestData/make_reference.py

It rewrites masks/, grey/ and reference.json beside this file. The expected value of a feature is
scikit-image's or OpenCV's output, except where the plugin deliberately differs: every such case is
listed under "deviations" with both values and the reason. README.md beside this file describes the cases,
the deviations and the versions.
"""

import json
import math
import platform
from pathlib import Path

import cv2
import numpy as np
import scipy
import skimage
from scipy import ndimage as ndi
from scipy.spatial import ConvexHull
from skimage.measure import find_contours, regionprops

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
STREL_4 = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], dtype=bool)

# Orientations that differ from scikit-image by more than this (modulo pi) are recorded as deviations.
ORIENTATION_AGREEMENT = 1e-9


# ---------------------------------------------------------------------------------------------
# Synthetic masks. Coordinates: x = column, y = row (pointing down), as in the image.
# ---------------------------------------------------------------------------------------------

def grid(height, width):
    return np.mgrid[0:height, 0:width].astype(np.float64)


def disk(height, width, cy, cx, radius):
    yy, xx = grid(height, width)
    return (yy - cy) ** 2 + (xx - cx) ** 2 <= radius ** 2


def ellipse(height, width, cy, cx, semi_major, semi_minor, angle_deg):
    """Filled ellipse whose major axis is turned angle_deg from +x towards +y (clockwise as displayed)."""
    yy, xx = grid(height, width)
    t = math.radians(angle_deg)
    u = (xx - cx) * math.cos(t) + (yy - cy) * math.sin(t)
    v = -(xx - cx) * math.sin(t) + (yy - cy) * math.cos(t)
    return (u / semi_major) ** 2 + (v / semi_minor) ** 2 <= 1.0


def blank(height, width):
    return np.zeros((height, width), dtype=bool)


def noise_blob(seed, height, width, sigma, threshold):
    """Smoothed random field above a threshold, plus a centred bump: several ragged parts, some at the border."""
    rng = np.random.default_rng(seed)
    field = ndi.gaussian_filter(rng.standard_normal((height, width)), sigma)
    yy, xx = grid(height, width)
    bump = np.exp(-(((yy - height / 2) / (height / 4)) ** 2 + ((xx - width / 2) / (width / 4)) ** 2))
    return field / field.std() + 2.5 * bump > threshold


def harmonic_blob(seed, height, width, radius):
    """Star-shaped object whose radius varies with angle by five random harmonics: one ragged component."""
    rng = np.random.default_rng(seed)
    amplitudes = rng.uniform(0.03, 0.12, 5)
    phases = rng.uniform(0, 2 * math.pi, 5)
    yy, xx = grid(height, width)
    cy, cx = height / 2 - 0.3, width / 2 + 0.2
    theta = np.arctan2(yy - cy, xx - cx)
    boundary = radius * (1 + sum(a * np.cos((k + 2) * theta + p) for k, (a, p) in enumerate(zip(amplitudes, phases))))
    return np.hypot(yy - cy, xx - cx) <= boundary


def synthetic_masks():
    """Yield (name, description, boolean mask)."""
    yield "disk_r20", "disk of radius 20 px centred on a pixel corner", disk(64, 64, 31.5, 31.5, 20)
    yield "disk_r7_offset", "disk of radius 7.3 px off the pixel grid", disk(24, 26, 11.3, 12.6, 7.3)
    for angle in (0, 20, 45, 70, 90, 135, 160):
        yield (f"ellipse_a30_b12_{angle:03d}deg",
               f"ellipse, semi-axes 30 and 12 px, major axis {angle} deg from +x towards +y",
               ellipse(80, 84, 39.4, 41.7, 30, 12, angle))

    square_hole = blank(50, 50)
    square_hole[5:45, 5:45] = True
    square_hole[19:31, 17:29] = False
    yield "square_with_hole", "40x40 px square with a 12x12 px hole", square_hole

    yield "empty", "no foreground pixel", blank(16, 16)

    single = blank(9, 9)
    single[4, 4] = True
    yield "single_pixel", "one pixel", single

    hline = blank(12, 40)
    hline[5, 3:33] = True
    yield "line_horizontal", "horizontal line 1 px wide, 30 px long", hline

    vline = blank(40, 12)
    vline[4:31, 6] = True
    yield "line_vertical", "vertical line 1 px wide, 27 px long", vline

    diagonal = blank(32, 32)
    for i in range(25):
        diagonal[3 + i, 4 + i] = True
    yield "line_diagonal", "8-connected diagonal line of 25 px, running down to the right", diagonal

    anti = blank(32, 32)
    for i in range(20):
        anti[5 + i, 27 - i] = True
    yield "line_antidiagonal", "8-connected diagonal line of 20 px, running down to the left", anti

    two_px = blank(6, 6)
    two_px[2, 2] = two_px[3, 3] = True
    yield "two_pixels_diagonal", "two pixels touching at a corner (one 8-connected component)", two_px

    block = blank(6, 6)
    block[2:4, 2:4] = True
    yield "square_2x2", "2x2 px square", block

    corner = blank(30, 40)
    corner[0:12, 0:17] = True
    yield "border_corner_rectangle", "12x17 px rectangle in the top-left corner of the image", corner

    yield "border_cut_disk", "disk of radius 15 px cut by the right image border", disk(40, 30, 19.2, 24.0, 15)

    yield "full_image", "every pixel of the image is foreground", np.ones((10, 14), dtype=bool)

    two = disk(50, 80, 24.5, 20.5, 10) | disk(50, 80, 25.0, 58.0, 14)
    yield "two_disks", "two separate disks (radii 10 and 14 px) measured as one object", two

    plus = blank(50, 50)
    plus[22:29, 8:42] = True
    plus[8:42, 22:29] = True
    yield "plus", "plus sign, arms 7 px wide and 34 px long", plus

    plus_uneven = blank(50, 60)
    plus_uneven[20:27, 5:55] = True
    plus_uneven[6:44, 30:35] = True
    yield "plus_uneven", "plus sign with unequal arms", plus_uneven

    ring = disk(60, 60, 29.5, 29.5, 22) & ~disk(60, 60, 29.5, 29.5, 12)
    yield "ring", "annulus, radii 12 and 22 px", ring

    yield "blob_harmonic", "star-shaped blob with five random radial harmonics, seed 3", harmonic_blob(3, 90, 96, 30)
    holed = harmonic_blob(5, 90, 90, 32) & ~ellipse(90, 90, 47.0, 40.0, 7, 4, 30)
    yield "blob_harmonic_hole", "star-shaped blob, seed 5, with an elliptical hole", holed
    yield ("blob_noise", "thresholded smoothed noise, seed 7: many parts, some at the border",
           noise_blob(7, 120, 100, 6.0, 1.0))


def synthetic_grey(name, height, width):
    """Deterministic grey image: a ramp with a ripple. Two cases use 16 bits."""
    yy, xx = grid(height, width)
    ramp = 40 + 1.7 * xx + 1.1 * yy + 25 * np.sin(xx / 5.0) * np.cos(yy / 7.0)
    if name in ("ellipse_a30_b12_020deg", "blob_noise"):
        return np.clip(ramp * 211.0, 0, 65535).astype(np.uint16)
    return np.clip(ramp, 0, 255).astype(np.uint8)


# ---------------------------------------------------------------------------------------------
# Reference values.
# ---------------------------------------------------------------------------------------------

def exact_second_moments(foreground):
    """n^2 times the second central moments, as exact integers: (S_rr, S_rc, S_cc, n)."""
    rows, cols = np.nonzero(foreground)
    rows = [int(v) for v in rows]
    cols = [int(v) for v in cols]
    n = len(rows)
    sum_r, sum_c = sum(rows), sum(cols)
    s_rr = n * sum(r * r for r in rows) - sum_r * sum_r
    s_cc = n * sum(c * c for c in cols) - sum_c * sum_c
    s_rc = n * sum(r * c for r, c in zip(rows, cols)) - sum_r * sum_c
    return s_rr, s_rc, s_cc, n


def orientation_from_exact(s_rr, s_rc, s_cc):
    """Orientation by 0.5*atan2(2*mu_rc, mu_rr - mu_cc); None when the moments are isotropic."""
    if s_rr == s_cc and s_rc == 0:
        return None
    return 0.5 * math.atan2(2.0 * s_rc, float(s_rr - s_cc))


def angle_difference(a, b):
    """Distance between two axis orientations, modulo pi."""
    d = abs(a - b) % math.pi
    return min(d, math.pi - d)


def feret_min(convex_image):
    """Minimum caliper width of the points skimage 0.19 uses for feret_diameter_max.

    Those points are the 0.5-level contour of the padded convex-hull image, so they sit on the
    midpoints of the pixel edges between hull pixels and outside pixels. The minimum width of a
    convex polygon is reached with one caliper flush with an edge, so every hull edge is tried.
    """
    padded = np.pad(convex_image, 2, mode="constant", constant_values=0)
    points = np.vstack(find_contours(padded, 0.5, fully_connected="high"))
    hull = ConvexHull(points)
    vertices = points[hull.vertices]
    best = math.inf
    for i in range(len(vertices)):
        p, q = vertices[i], vertices[(i + 1) % len(vertices)]
        edge = q - p
        length = math.hypot(edge[0], edge[1])
        offsets = vertices - p
        widths = np.abs(edge[0] * offsets[:, 1] - edge[1] * offsets[:, 0]) / length
        best = min(best, float(widths.max()))
    return best


def chain_perimeter(foreground):
    contours, _ = cv2.findContours(foreground.astype(np.uint8) * 255, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    return float(sum(cv2.arcLength(c, True) for c in contours))


def hu_moments(moments):
    return [float(v) for v in cv2.HuMoments(moments).ravel()]


def moment_dict(moments):
    return {key: float(value) for key, value in sorted(moments.items())}


def shape_reference(foreground, deviations):
    """Expected shape.* values of one mask, treating every foreground pixel as one object."""
    names = ["shape.area", "shape.perimeter", "shape.perimeter_crofton", "shape.perimeter_chain",
             "shape.perimeter_boundary_pixels", "shape.major_axis", "shape.minor_axis", "shape.eccentricity",
             "shape.aspect_ratio", "shape.feret_max", "shape.feret_min", "shape.orientation", "shape.solidity",
             "shape.extent", "shape.equivalent_diameter", "shape.convex_area", "shape.euler_number",
             "shape.circularity"]
    if not foreground.any():
        values = {name: None for name in names}
        values["shape.area"] = 0
        return values, {}

    region = regionprops(foreground.astype(np.uint8))[0]
    eroded = ndi.binary_erosion(foreground, STREL_4, border_value=0)
    values = {
        "shape.area": int(region.area),
        "shape.perimeter": float(region.perimeter),
        "shape.perimeter_crofton": float(region.perimeter_crofton),
        "shape.perimeter_chain": chain_perimeter(foreground),
        "shape.perimeter_boundary_pixels": int((foreground & ~eroded).sum()),
        "shape.major_axis": float(region.axis_major_length),
        "shape.minor_axis": float(region.axis_minor_length),
        "shape.eccentricity": float(region.eccentricity),
        "shape.feret_max": float(region.feret_diameter_max),
        "shape.feret_min": feret_min(region.image_convex),
        "shape.orientation": float(region.orientation),
        "shape.solidity": float(region.solidity),
        "shape.extent": float(region.extent),
        "shape.equivalent_diameter": float(region.equivalent_diameter_area),
        "shape.convex_area": int(region.area_convex),
        "shape.euler_number": int(region.euler_number),
    }

    s_rr, s_rc, s_cc, n = exact_second_moments(foreground)
    determinant = s_rr * s_cc - s_rc * s_rc
    if determinant == 0 and values["shape.minor_axis"] != 0.0:
        deviations["shape.minor_axis"] = {
            "skimage": values["shape.minor_axis"], "expected": 0.0,
            "reason": "The pixels are collinear, so the exact smaller eigenvalue is 0; LAPACK's is rounding noise."}
        values["shape.minor_axis"] = 0.0
    minor = values["shape.minor_axis"]
    values["shape.aspect_ratio"] = values["shape.major_axis"] / minor if minor > 0 else None

    expected_orientation = orientation_from_exact(s_rr, s_rc, s_cc)
    skimage_orientation = values["shape.orientation"]
    if expected_orientation is None:
        reason = "The second moments are isotropic (mu_rr == mu_cc, mu_rc == 0): no axis is preferred."
    elif s_rr == s_cc:
        reason = ("mu_rr == mu_cc exactly; skimage 0.19.3 returns the opposite sign of its own formula's "
                  "limit there, later releases swap the branches. The plugin returns the limit.")
    else:
        reason = "skimage's floating-point moments of this near-isotropic object differ from the exact ones."
    if expected_orientation is None or angle_difference(expected_orientation, skimage_orientation) > \
            ORIENTATION_AGREEMENT:
        deviations["shape.orientation"] = {
            "skimage": skimage_orientation, "expected": expected_orientation, "reason": reason}
        values["shape.orientation"] = expected_orientation

    perimeter = values["shape.perimeter"]
    values["shape.circularity"] = 4 * math.pi * values["shape.area"] / perimeter ** 2 if perimeter > 0 else None

    moments = {
        "skimage_mu_rr": float(region.moments_central[2, 0]),
        "skimage_mu_rc": float(region.moments_central[1, 1]),
        "skimage_mu_cc": float(region.moments_central[0, 2]),
        "skimage_eigenvalues": [float(v) for v in region.inertia_tensor_eigvals],
        "exact_n2_mu_rr": str(s_rr),
        "exact_n2_mu_rc": str(s_rc),
        "exact_n2_mu_cc": str(s_cc),
    }
    return {name: values[name] for name in names}, moments


def hu_reference(foreground, grey):
    mask = foreground.astype(np.uint8) * 255
    masked_grey = grey * foreground.astype(grey.dtype)
    mask_moments = cv2.moments(mask, True)
    grey_moments = cv2.moments(masked_grey, False)
    values = {}
    mask_hu = hu_moments(mask_moments) if mask_moments["m00"] > 0 else [None] * 7
    grey_hu = hu_moments(grey_moments) if grey_moments["m00"] > 0 else [None] * 7
    for i in range(7):
        values[f"hu.{i + 1}"] = mask_hu[i]
        values[f"hu.intensity.{i + 1}"] = grey_hu[i]
    return values, {"cv_mask": moment_dict(mask_moments), "cv_grey": moment_dict(grey_moments)}


def case_record(name, description, mask_path, grey_path, foreground, grey):
    deviations = {}
    shape_values, shape_moments = shape_reference(foreground, deviations)
    hu_values, hu_moment_values = hu_reference(foreground, grey)
    components = cv2.connectedComponents(foreground.astype(np.uint8), connectivity=8)[0] - 1
    touches_border = bool(foreground[0, :].any() or foreground[-1, :].any()
                          or foreground[:, 0].any() or foreground[:, -1].any())
    return {
        "name": name,
        "description": description,
        "mask": mask_path,
        "grey": grey_path,
        "height": int(foreground.shape[0]),
        "width": int(foreground.shape[1]),
        "components": int(components),
        "touches_border": touches_border,
        "features": {**shape_values, **hu_values},
        "deviations": deviations,
        "moments": {**shape_moments, **hu_moment_values},
    }


def main():
    masks_dir, grey_dir = HERE / "masks", HERE / "grey"
    masks_dir.mkdir(exist_ok=True)
    grey_dir.mkdir(exist_ok=True)
    cases = []

    for name, description, foreground in synthetic_masks():
        grey = synthetic_grey(name, *foreground.shape)
        if name == "square_2x2":
            grey[foreground] = 0
            description += "; the grey image is 0 inside the mask"
        mask_file, grey_file = masks_dir / f"{name}.png", grey_dir / f"{name}.png"
        cv2.imwrite(str(mask_file), foreground.astype(np.uint8) * 255)
        cv2.imwrite(str(grey_file), grey)
        cases.append(case_record(name, description, str(mask_file.relative_to(REPO)),
                                 str(grey_file.relative_to(REPO)), foreground, grey))

    mask_file = REPO / "samples/cryoet/TS_001.133_ground_truth.png"
    grey_file = REPO / "samples/cryoet/TS_001.133.png"
    foreground = cv2.imread(str(mask_file), cv2.IMREAD_UNCHANGED) > 0
    grey = cv2.imread(str(grey_file), cv2.IMREAD_UNCHANGED)
    cases.append(case_record("cryoet_TS_001_133", "cryo-ET ground-truth mask of three touching virions",
                             str(mask_file.relative_to(REPO)), str(grey_file.relative_to(REPO)), foreground, grey))

    reference = {
        "generator": "tests/SC2Mid.Plugins.Tests/TestData/make_reference.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-image": skimage.__version__,
            "opencv": cv2.__version__,
        },
        "cases": cases,
    }
    with open(HERE / "reference.json", "w", encoding="utf-8") as output:
        json.dump(reference, output, indent=1)
        output.write("\n")
    print(f"wrote {len(cases)} cases to {HERE / 'reference.json'}")
    for case in cases:
        for feature, deviation in case["deviations"].items():
            print(f"  deviation {case['name']} {feature}: skimage {deviation['skimage']} -> {deviation['expected']}")


if __name__ == "__main__":
    main()
