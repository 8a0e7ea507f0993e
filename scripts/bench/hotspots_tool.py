#!/usr/bin/python3
"""Helpers of scripts/bench/hotspots.sh (Debian's python3 with python3-gdal and python3-numpy).

  hotspots_tool.py campaign N SEED DIR   a hotspot campaign in DIR: villages.csv (a 10 x 10 grid of 2 km square
                                         villages covering the 20 km square of kde_tool.py, WKT, EPSG:32650),
                                         issues.csv (kde_tool.py's N points, columns id,category,found,status,x,y;
                                         found over 10 weeks, later in half of the clusters so emerging hot spots
                                         have trends) and campaign.toml (reading villages.gpkg and issues.gpkg, which
                                         hotspots.sh makes with ogr2ogr)
  hotspots_tool.py summary SUMMARY.json  one line: cells_size_m rule cells written emerging_written hot cold
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kde_tool  # noqa: E402  (the same points as the kernel density benchmark)

X0, Y0, SIDE, VILLAGE = 490_000.0, 3_390_000.0, 20_000.0, 2_000.0
START = np.datetime64("2017-03-01T08:00")
WEEKS = 10


def campaign(n, seed, out):
    n = int(n)
    os.makedirs(out, exist_ok=True)
    xy = kde_tool.points_xy(n, seed)
    rng = np.random.default_rng(int(seed) + 1)
    # Times: uniform over the 10 weeks, and skewed late (sqrt) for points in the east half, so some places grow.
    u = rng.uniform(0, 1, size=n)
    late = xy[:, 0] > X0 + SIDE / 2
    u[late] = np.sqrt(u[late])
    minutes = (u * WEEKS * 7 * 24 * 60).astype(np.int64)
    found = START + minutes.astype("timedelta64[m]")
    found_text = np.datetime_as_string(found, unit="m")
    with open(os.path.join(out, "issues.csv"), "w") as f:
        f.write("id,category,found,status,x,y\n")
        for i in range(n):
            f.write(f"B{i + 1},village_road,{found_text[i].replace('T', ' ')},found,{xy[i, 0]:.3f},{xy[i, 1]:.3f}\n")
    k = int(SIDE / VILLAGE)
    with open(os.path.join(out, "villages.csv"), "w") as f:
        f.write("name,wkt\n")
        for r in range(k):
            for c in range(k):
                x, y = X0 + c * VILLAGE, Y0 + r * VILLAGE
                f.write(f'V{r * k + c + 1:03d},"POLYGON(({x} {y},{x} {y + VILLAGE},{x + VILLAGE} {y + VILLAGE},'
                        f'{x + VILLAGE} {y},{x} {y}))"\n')
    with open(os.path.join(out, "campaign.toml"), "w") as f:
        f.write('[campaign]\nname = "hotspot benchmark"\ncrs = "EPSG:32650"\ntimezone = "+08:00"\n\n'
                '[villages]\nsource = "villages.gpkg"\nname_field = "name"\n\n'
                '[issues]\nsource = "issues.gpkg"\n\n'
                '[hotspots]\nradius_m = 300\npixel_m = 10\nkernel = "quartic"\n')


def summary(path):
    s = json.load(open(path))["hotspots"]
    cells = s["cells"]
    size = cells.get("size", {})
    print(cells["size_m"], size.get("rule", "-"), cells["count"], cells.get("written", cells["count"]),
          s.get("emerging", {}).get("written", "-"), cells["hot"], cells["cold"])


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"campaign": campaign, "summary": summary}[command](*args)
