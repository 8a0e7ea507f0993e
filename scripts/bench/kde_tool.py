#!/usr/bin/python3
"""Helpers of scripts/bench/kde.sh (Debian's python3 with python3-gdal and python3-numpy).

  kde_tool.py points N SEED OUT.csv      N points over 20 km x 20 km of UTM 50N (70 % in 60 Gaussian clusters of
                                         150-600 m, 30 % uniform), columns x,y
  kde_tool.py compare-qgis OURS.tif QGIS.tif
                                         same grid?, max |ours - qgis| / max(ours) (QGIS's -9999 where no point
                                         reaches counts as 0), and the share of pixels that differ by more than
                                         1e-6 of the maximum
  kde_tool.py compare-grass OURS.tif GRASS.tif
                                         max |ours - grass| / max(grass), and the largest relative difference of a
                                         pixel among pixels above 1e-3 of the maximum
"""
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()


def points_xy(n, seed):
    """The benchmark's points as an (n, 2) array; also used by hotspots_tool.py."""
    rng = np.random.default_rng(int(seed))
    n = int(n)
    x0, y0, side = 490_000.0, 3_390_000.0, 20_000.0
    centres = rng.uniform(0, side, size=(60, 2))
    spread = rng.uniform(150.0, 600.0, size=60)
    clustered = int(n * 0.7)
    which = rng.integers(0, 60, size=clustered)
    xy = centres[which] + rng.normal(size=(clustered, 2)) * spread[which, None]
    xy = np.clip(xy, 0.0, side)  # keep the 20 km square
    xy = np.vstack([xy, rng.uniform(0, side, size=(n - clustered, 2))])
    xy += (x0, y0)
    return xy


def points(n, seed, out):
    np.savetxt(out, points_xy(n, seed), fmt="%.3f", delimiter=",", header="x,y", comments="")


def read(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    return ds.GetGeoTransform(), band.ReadAsArray().astype(np.float64), band.GetNoDataValue()


def compare_qgis(ours_path, qgis_path):
    gt_a, a, _ = read(ours_path)
    gt_b, b, nodata_b = read(qgis_path)
    same = a.shape == b.shape and np.allclose(gt_a, gt_b, rtol=0, atol=1e-6)
    if not same:
        print(f"same_grid=no ours={a.shape}{gt_a} qgis={b.shape}{gt_b}")
        return
    if nodata_b is not None:
        b[b == nodata_b] = 0.0
    peak = a.max()
    diff = np.abs(a - b)
    print(f"same_grid=yes max_dev_of_max={diff.max() / peak:.6g} share_off={np.mean(diff > 1e-6 * peak):.6g}"
          f" ours_max={peak:.9g} qgis_max={b.max():.9g}")


def compare_grass(ours_path, grass_path):
    gt_a, a, _ = read(ours_path)
    gt_b, b, nodata_b = read(grass_path)
    if a.shape != b.shape or not np.allclose(gt_a, gt_b, rtol=0, atol=1e-6):
        print(f"same_grid=no ours={a.shape}{gt_a} grass={b.shape}{gt_b}")
        return
    if nodata_b is not None:
        b[b == nodata_b] = 0.0
    peak = np.abs(b).max()
    diff = np.abs(a - b)
    big = b > 1e-3 * peak
    rel = (diff[big] / b[big]).max() if big.any() else 0.0
    print(f"same_grid=yes max_dev_of_max={diff.max() / peak:.6g} max_rel_pixel={rel:.6g} ours_max={a.max():.9g}"
          f" grass_max={peak:.9g}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"points": points, "compare-qgis": compare_qgis, "compare-grass": compare_grass}[command](*args)
