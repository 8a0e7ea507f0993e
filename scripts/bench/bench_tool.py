#!/usr/bin/python3
"""Helpers of scripts/bench.sh: medians, summary.json numbers, raster comparison and the final report.

Run with Debian's /usr/bin/python3 (python3-gdal and python3-numpy are Debian packages bench.sh installs).

  bench_tool.py median V...                   the median of the numbers (empty when none)
  bench_tool.py summary SUMMARY.json          length_m covered_m network_km fixes_read fixes_kept track_pieces
  bench_tool.py same-coverage A.json B.json   "yes" when the coverage sections are identical, else "no"
  bench_tool.py grid RASTER.tif               xmin ymin xmax ymax pixel cols rows
  bench_tool.py compare-rasters OURS.tif PEER.tif
                                              max |difference| in pixels over OURS's valid pixels, its 99.9th
                                              percentile, the share of pixels within 0.5 pixel, and their count
  bench_tool.py report MEASUREMENTS.tsv RESULTS.json
                                              the final table on stdout, and every measurement as JSON
"""
import json
import math
import statistics
import sys


def median(values):
    numbers = [float(v) for v in values if v != ""]
    print(f"{statistics.median(numbers):.6f}" if numbers else "")


def summary(path):
    with open(path, encoding="utf-8") as f:
        s = json.load(f)
    c = s.get("coverage", {})
    t = s.get("track_cleaning", {})
    values = [c.get("length_m"), c.get("covered_m"), s["campaign"].get("network_km"), t.get("fixes_read"),
              t.get("fixes_kept"), s["campaign"].get("track_pieces")]
    print(" ".join("-" if v is None else repr(v) for v in values))


def same_coverage(a, b):
    with open(a, encoding="utf-8") as f:
        first = json.load(f).get("coverage")
    with open(b, encoding="utf-8") as f:
        second = json.load(f).get("coverage")
    print("yes" if first is not None and first == second else "no")


def open_raster(path):
    from osgeo import gdal

    gdal.UseExceptions()
    return gdal.Open(path)


def grid(path):
    ds = open_raster(path)
    gt = ds.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0 or abs(gt[1] + gt[5]) > 1e-9 * abs(gt[1]):
        sys.exit(f"{path}: not a north-up grid of square pixels: {gt}")
    cols, rows = ds.RasterXSize, ds.RasterYSize
    print(repr(gt[0]), repr(gt[3] + rows * gt[5]), repr(gt[0] + cols * gt[1]), repr(gt[3]), repr(gt[1]), cols, rows)


def compare_rasters(ours_path, peer_path):
    import numpy as np

    ours_ds, peer_ds = open_raster(ours_path), open_raster(peer_path)
    if (ours_ds.RasterXSize, ours_ds.RasterYSize) != (peer_ds.RasterXSize, peer_ds.RasterYSize):
        sys.exit("the rasters differ in size")
    pixel = ours_ds.GetGeoTransform()[1]
    band = ours_ds.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    ours = band.ReadAsArray().astype(np.float64)
    peer = peer_ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    valid = np.isfinite(ours)
    if nodata is not None:
        valid &= ours != nodata
    n = int(valid.sum())
    if n == 0:
        print("nan nan nan 0")
        return
    diff = np.abs(ours[valid] - peer[valid]) / pixel
    print(f"{diff.max():.4f} {np.percentile(diff, 99.9):.4f} {(diff <= 0.5).mean():.6f} {n}")


def read_measurements(path):
    scenes = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            scene, key, value = line.split("\t", 2)
            if scene not in scenes:
                scenes[scene] = {}
                order.append(scene)
            scenes[scene][key] = value
    return order, scenes


def number(value):
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def fmt_s(x):
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def seconds(m, key):
    """A time cell: the median in seconds (with n when not the full count), the reason it has none, or "-"."""
    if m.get(key + "_why"):
        return m[key + "_why"].replace(" (statement_timeout)", "")
    x = number(m.get(key))
    if x is None:
        return "failed" if m.get(key + "_failed") else "-"
    n = m.get(key + "_n")
    return fmt_s(x) + (f" (n={n})" if n and n != REPS else "")


def limit(m, key):
    """The lower bound a failed peer run gives: its time-out, or the time it ran before running out of memory."""
    why = m.get(key + "_why", "")
    if why.startswith("> "):
        return number(why[2:].split()[0])
    failed = m.get(key + "_failed", "")
    return number(failed.split()[0]) if failed else None


def ratio(m, peer, ours):
    o = number(m.get(ours))
    if o is None or o <= 0:
        return "-"
    p = number(m.get(peer))
    if p is not None:
        return f"{p / o:.1f}x"
    bound = limit(m, peer)
    return f"> {bound / o:.0f}x" if bound else "-"


def best_peer(m, keys):
    """The fastest peer that finished, else the failed one that ran longest (a lower bound for all)."""
    done = [(number(m[k]), k) for k in keys if number(m.get(k)) is not None]
    if done:
        return min(done)[1]
    bounds = [(limit(m, k), k) for k in keys if limit(m, k)]
    return max(bounds)[1] if bounds else None


def growth(order, scenes, key):
    """Exponent b of time ~ size^b between the smallest and largest 10 s scenes with a time (1 = linear)."""
    points = []
    for s in order:
        m = scenes[s]
        t, size = number(m.get(key)), (number(m.get("network_km")) or 0) + (number(m.get("track_km")) or 0)
        if t and size and m.get("fix_interval_s") == "10":
            points.append((size, t, s))
    if len(points) < 2:
        return None
    points.sort()
    (s0, t0, a), (s1, t1, b) = points[0], points[-1]
    return a, b, math.log(t1 / t0) / math.log(s1 / s0)


REPS = "3"


def print_table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(str(c).rjust(w) for c, w in zip(r, widths)))


def report(tsv, out_json):
    order, scenes = read_measurements(tsv)
    machine = scenes.pop("_machine", {})
    order = [s for s in order if s != "_machine"]
    global REPS
    REPS = machine.get("reps", REPS)
    size_rows, speed_rows, peer_rows, raster_rows = [], [], [], []
    for scene in order:
        m = scenes[scene]
        fixes, track_km = number(m.get("fixes_kept")), number(m.get("track_km"))
        pieces = number(m.get("track_pieces"))
        spacing = f"{track_km * 1000 / (fixes - pieces):.1f}" if fixes and track_km and pieces is not None else "-"
        rss = number(m.get("rss_kb"))
        size_rows.append([
            scene, m.get("scale", "-"), f"{number(m.get('network_km')):.0f}", f"{track_km:.0f}" if track_km else "-",
            m.get("fixes_read", "-"), spacing, m.get("fix_interval_s", "-"),
        ])
        speed_rows.append([
            scene, seconds(m, "step_t2"), seconds(m, "step_t1"), f"{rss / 1024:.0f}" if rss else "-",
            seconds(m, "step_maps"),
            seconds(m, "analyse_t2"), seconds(m, "lines_t2"), seconds(m, "lines_t1"),
            m.get("threads_identical", "-"),
            "yes" if m.get("lines_threads_identical") == "yes" and m.get("raster_threads_identical") == "yes" else "no",
            f"{number(m.get('export_rss_kb')) / 1024:.0f}" if number(m.get("export_rss_kb")) else "-",
        ])
        best = best_peer(m, ["pg_a", "pg_b", "pg_c"])
        agree = [number(m.get(k)) for k in ("agree_pg_a", "agree_pg_b", "agree_pg_c")]
        agree = [a for a in agree if a is not None]
        gdal = None
        if number(m.get("gdal_rasterize")) is not None and number(m.get("gdal_proximity")) is not None:
            gdal = number(m["gdal_rasterize"]) + number(m["gdal_proximity"])
            m["gdal_total"] = str(gdal)
        peer_rows.append([
            scene, seconds(m, "pg_a"), seconds(m, "pg_b"), seconds(m, "pg_c"),
            ratio(m, best, "step_t2") if best else "-", ratio(m, best, "lines_t2") if best else "-",
            ratio(m, "pg_a", "lines_t2"), ratio(m, "pg_b", "lines_t2"),
            f"{max(agree):.4f}" if agree else "-",
            f"{number(m['agree_pg_c32']):.4f}" if number(m.get("agree_pg_c32")) is not None else "-",
        ])
        within = {k: f"{100 * number(m[k]):.2f}" if number(m.get(k)) is not None else "-"
                  for k in ("raster_within_half_px", "centres_within_half_px")}
        raster_rows.append([
            scene, m.get("raster_cells", "-"), seconds(m, "raster_t2"), seconds(m, "centres_t2"),
            fmt_s(gdal) if gdal is not None else "-",
            ratio(m, "gdal_total", "raster_t2"), ratio(m, "gdal_total", "centres_t2"),
            ratio(m, "gdal_proximity", "raster_t2"), ratio(m, "gdal_proximity", "centres_t2"),
            m.get("raster_max_dev_px", "-"), within["raster_within_half_px"],
            m.get("centres_max_dev_px", "-"), within["centres_within_half_px"],
        ])
    print("Scenes")
    print_table(["scene", "scale", "network km", "track km", "fixes", "m/fix", "s/fix"], size_rows)
    print()
    print("geowalk (seconds; medians)")
    print_table(["scene", "step 2 thr", "step 1 thr", "step RSS MB", "+ maps, report", "analyse", "lines 2 thr", "lines 1 thr",
                 "CLI 1=2 thr", "parts 1=2 thr", "parts RSS MB"], speed_rows)
    print()
    print("Peers (seconds; medians)")
    print_table(["scene", "PG (a)", "PG (b)", "PG (c)", "best PG/step", "best PG/lines", "(a)/lines", "(b)/lines",
                 "agree % q8", "agree % q32"], peer_rows)
    print()
    print("walk_distance.tif against gdal_rasterize + gdal_proximity (seconds; medians)")
    print_table(["scene", "pixels", "exact", "centres", "gdal", "gdal/exact", "gdal/centres", "prox/exact",
                 "prox/centres", "exact max dev px", "exact % <= 0.5 px", "centres max dev px",
                 "centres % <= 0.5 px"], raster_rows)
    print()
    for key, label in (("step_t2", "the whole step"), ("lines_t2", "the network part"), ("raster_t2", "the raster")):
        g = growth(order, scenes, key)
        if g:
            print(f"Growth of {label} from {g[0]} to {g[1]}: time ~ (network + track km)^{g[2]:.2f}")
    print("step: geowalk coverage --threads N --no-maps --no-report (load + analyse + write the data outputs);")
    print("+ maps, report: the same step drawing maps/ and report.pdf too; analyse: the analysis alone; lines: its network")
    print("part (what PostGIS computes); parts: lines and raster (geowalk_bench --export, bit-identical for 1 and 2")
    print("threads?); PG (a) union, (b) per road, (c) per road on subdivided inputs; best PG: the fastest that")
    print("finished, or a lower bound from a time-out; agree: |PostGIS - geowalk covered| / network length, % (q8,")
    print("worst of a-c; q32: (c) with quad_segs=32); exact: BM_walk_distance/threads:2 (walk_distance = \"exact\", the")
    print("default); centres: BM_walk_distance_seed_centres/threads:2 (walk_distance = \"pixel_centres\"); gdal:")
    print("gdal_rasterize + gdal_proximity.py (prox: gdal_proximity.py alone); dev: |geowalk - gdal_proximity| over the")
    print(".tif's valid pixels, in pixels.")
    for key, value in machine.items():
        print(f"{key}: {value}")
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"machine": machine,
                   "tables": {"scenes": size_rows, "geowalk": speed_rows, "peers": peer_rows,
                              "raster": raster_rows},
                   "growth": {k: growth(order, scenes, k) for k in ("step_t2", "lines_t2", "raster_t2")},
                   "measurements": {s: scenes[s] for s in order}}, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "median":
        median(args)
    elif command == "summary":
        summary(*args)
    elif command == "same-coverage":
        same_coverage(*args)
    elif command == "grid":
        grid(*args)
    elif command == "compare-rasters":
        compare_rasters(*args)
    elif command == "report":
        report(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
