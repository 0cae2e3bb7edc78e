"""Independent check of the turns an approach path implies, with GEOS (Shapely): can the vehicle
really drive each bend at the speed the path reports without its body touching a building?

Usage: /usr/bin/python3 approach_turns_geos.py SCENE.geojson RESULT.geojson CLASSES_JSON [--bisect]
CLASSES_JSON maps a vehicle code to {"half_m", "lateral_g", "min_turn_radius_m", "accel_mps2", "brake_mps2"}.

At every interior vertex of every approach_path (deflection over 2°) with reported speed v, a line
through the bend is searched: the centre passes through the vertex, up to 5 m outside it or up to
30 m inside it along the bisector (a fillet cuts the corner), with any heading between the legs;
from there it turns back towards the incoming leg's heading and on towards the outgoing one at the
tightest curvature the class can hold — κ ≤ min(1 / r_min, lateral_g·g / v(d)²), where the speed
d metres before the vertex is at least √(v² − 2·a·d) (it cannot have gained more) and d metres
after at least √(v² − 2·b·d) (it cannot have shed more): hvm.md §1 cornering limit v = √(a_lat·r).
The bend is drivable only if some such line keeps half the width from every building (1 cm slack).
This is a necessary condition (the tightest possible line; the search is sampled, so it can only
miss a clear line on its grid, never accept a blocked one), so a flagged bend cannot be driven at the
reported speed; with --bisect, the highest speed with a clear line is found for each (to v/1024).
Prints {"turns": n, "problems": [text, ...]}.
"""
import json
import math
import sys

from gdal_local_frame import local_projection
from shapely.geometry import LineString, shape
from shapely.ops import transform, unary_union

G = 9.81
STEP_M = 0.2
SLACK_M = 0.01
# Along the bisector: outside the vertex (a racing line swinging wide) and inside it (a fillet cutting the corner).
OFFSETS_M = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, -0.25, -0.5, -1, -1.5, -2, -3, -4, -6, -8, -10, -13, -16, -20, -25, -30]
HEADINGS = 16

scene_path, result_path = sys.argv[1], sys.argv[2]
classes = json.loads(sys.argv[3])
bisect = "--bisect" in sys.argv[4:]
with open(scene_path) as fh:
    scene = json.load(fh)
with open(result_path) as fh:
    result = json.load(fh)
area_f = next(f for f in scene["features"] if f["properties"]["kind"] == "analysis_area")
project = local_projection(*area_f["geometry"]["coordinates"][0][0])
buildings = unary_union([transform(project, shape(f["geometry"])) for f in scene["features"] if f["properties"]["kind"] == "building"])


def sweep(o, psi, target, direction, v0, dec, c):
    """From o with heading psi, turn towards heading `target` at the tightest curvature allowed,
    forwards (direction 1, after the vertex) or backwards (-1, before it); the points driven."""
    x, y, hd, dist, out = o[0], o[1], psi, 0.0, [o]
    for _ in range(20000):
        rem = target - hd
        if abs(rem) < 1e-9:
            break
        v2 = max(v0 * v0 - 2 * dec * dist, 0.0)
        k = min(1 / c["min_turn_radius_m"], c["lateral_g"] * G / v2 if v2 > 0 else math.inf)
        dh = math.copysign(min(abs(rem), k * STEP_M), rem)
        x += direction * STEP_M * math.cos(hd + dh / 2)
        y += direction * STEP_M * math.sin(hd + dh / 2)
        hd += dh
        dist += STEP_M
        out.append((x, y))
    return out


def clear_line(b, ua, va, v0, c):
    bi, bo = math.atan2(ua[1], ua[0]), math.atan2(va[1], va[0])
    if abs(bo - bi) > math.pi:
        bo -= math.copysign(2 * math.pi, bo - bi)
    nx, ny = ua[0] - va[0], ua[1] - va[1]
    nl = math.hypot(nx, ny)
    nx, ny = nx / nl, ny / nl
    for off in OFFSETS_M:
        o = (b[0] + nx * off, b[1] + ny * off)
        for j in range(HEADINGS + 1):
            psi = bi + (bo - bi) * j / HEADINGS
            before = sweep(o, psi, bi, -1, v0, c["accel_mps2"], c)
            after = sweep(o, psi, bo, 1, v0, c["brake_mps2"], c)
            pts = list(reversed(before)) + after[1:]
            if len(pts) < 2 or LineString(pts).distance(buildings) >= c["half_m"] - SLACK_M:
                return True
    return False


turns, problems = 0, []
for f in result["features"]:
    p = f["properties"]
    if p.get("kind") != "approach_path":
        continue
    c = classes[p["vehicle"]]
    pts = list(transform(project, shape(f["geometry"])).coords)
    speeds = p["speeds_kmh"]
    for i in range(1, len(pts) - 1):
        a, b, cc = pts[i - 1], pts[i], pts[i + 1]
        lu, lv = math.dist(a, b), math.dist(b, cc)
        ua = ((b[0] - a[0]) / lu, (b[1] - a[1]) / lu)
        va = ((cc[0] - b[0]) / lv, (cc[1] - b[1]) / lv)
        th = math.acos(max(-1.0, min(1.0, ua[0] * va[0] + ua[1] * va[1])))
        if th < math.radians(2):
            continue
        turns += 1
        v0 = speeds[i] / 3.6
        if clear_line(b, ua, va, v0, c):
            continue
        text = f"{p['vehicle']} -> {p['target_id']}: bend {i} ({math.degrees(th):.1f}°) at {speeds[i]:.1f} km/h cannot be driven clear of the buildings"
        if bisect:
            lo, hi = 0.0, v0
            for _ in range(10):  # to v/1024
                mid = (lo + hi) / 2
                if clear_line(b, ua, va, mid, c):
                    lo = mid
                else:
                    hi = mid
            text += f"; the highest speed with a clear line is {lo * 3.6:.1f} km/h"
        problems.append(text)
print(json.dumps({"turns": turns, "problems": problems}))
