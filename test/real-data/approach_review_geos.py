"""Independent geometry review of Bulwark's approach paths with GEOS (Shapely), as a reviewer would.

Usage: /usr/bin/python3 approach_review_geos.py SCENE.geojson RESULT.geojson WIDTHS_JSON
WIDTHS_JSON maps a vehicle code to its width, m. In a local transverse Mercator frame from GDAL's
PROJ (not Bulwark's frame, not Bulwark's distance code), for every approach_path:
- distance to every building and to every `obstacle` with stops_vehicles (polygons; points grown
  by radius_m), and to every barrier line with stops_vehicles whose gap_m is narrower than the
  vehicle (scene-format.md "Where a vehicle may drive"; the defaults of stops_vehicles per
  barrier_type are those of scene-format.md);
- whether the path lies inside the analysis area;
- distance from the path without its last leg to the target's outline (no earlier touch), and
  from the last vertex to the outline (contact at half the width).
Prints {"paths": [{vehicle, target, half_m, building_m, obstacle_m, closed_line_m, inside,
early_target_m, end_target_m, length_m}], "problems": [text, ...]} with 1 cm slack for projection.
"""
import json
import sys

from gdal_local_frame import local_projection
from shapely.geometry import LineString, Point, shape
from shapely.ops import transform, unary_union

STOPS_BY_TYPE = {"bollard": True, "planter": True, "wall": True, "gate": True}
SLACK_M = 0.01

scene_path, result_path = sys.argv[1], sys.argv[2]
widths = json.loads(sys.argv[3])
with open(scene_path) as fh:
    scene = json.load(fh)
with open(result_path) as fh:
    result = json.load(fh)
feats = scene["features"]
area_f = next(f for f in feats if f["properties"]["kind"] == "analysis_area")
lon0, lat0 = area_f["geometry"]["coordinates"][0][0]
project = local_projection(lon0, lat0)


def geom(f):
    return transform(project, shape(f["geometry"]))


def far():
    return Point(1e9, 1e9)


area = geom(area_f)
buildings = unary_union([geom(f) for f in feats if f["properties"]["kind"] == "building"]) or far()
obstacles = []
for f in feats:
    p = f["properties"]
    if p["kind"] != "obstacle" or not p.get("stops_vehicles", False):
        continue
    g = geom(f)
    if f["geometry"]["type"] == "Point":
        r = p.get("radius_m", 0)
        g = g.buffer(r, 256) if r > 0 else g
    obstacles.append(g)
obstacles = unary_union(obstacles) if obstacles else far()


def stops(p):
    return p.get("stops_vehicles", STOPS_BY_TYPE.get(p.get("barrier_type", "bollard"), False))


lines = [(f["id"], geom(f), f["properties"].get("gap_m", 0)) for f in feats if f["properties"]["kind"] == "barrier" and stops(f["properties"])]
targets = {f["id"]: geom(f) for f in feats if f["properties"]["kind"] in ("crowd_zone", "site", "barrier")}

out, problems = [], []
for f in result["features"]:
    p = f["properties"]
    if p.get("kind") != "approach_path":
        continue
    v, t = p["vehicle"], p["target_id"]
    width = widths[v]
    h = width / 2
    line = geom(f)
    closed = [g for (i, g, gap) in lines if gap < width]
    closed_m = min((line.distance(g) for g in closed), default=1e9)
    outline = targets[t].boundary if targets[t].geom_type in ("Polygon", "MultiPolygon") else targets[t]
    coords = list(line.coords)
    early = LineString(coords[:-1]) if len(coords) > 2 else None
    rec = {
        "vehicle": v, "target": t, "half_m": h,
        "building_m": line.distance(buildings), "obstacle_m": line.distance(obstacles), "closed_line_m": closed_m,
        "inside": area.buffer(1e-6).contains(line),
        "early_target_m": early.distance(outline) if early is not None else 1e9,
        "end_target_m": Point(coords[-1]).distance(outline),
        "length_m": line.length, "vertices": len(coords),
    }
    out.append(rec)
    name = f"{v} -> {t}"
    if rec["building_m"] < h - SLACK_M:
        problems.append(f"{name}: passes {rec['building_m']:.3f} m from a building (half width {h} m)")
    if rec["obstacle_m"] < h - SLACK_M:
        problems.append(f"{name}: passes {rec['obstacle_m']:.3f} m from a vehicle-stopping obstacle (half width {h} m)")
    if closed_m < h - SLACK_M:
        problems.append(f"{name}: passes {closed_m:.3f} m from a closed barrier line (half width {h} m)")
    if not rec["inside"]:
        problems.append(f"{name}: leaves the analysis area")
    if rec["early_target_m"] < h - SLACK_M:
        problems.append(f"{name}: touches the target {rec['early_target_m']:.3f} m before its last leg")
    if abs(rec["end_target_m"] - h) > SLACK_M:
        problems.append(f"{name}: ends {rec['end_target_m']:.3f} m from the target, not half the width {h} m")
print(json.dumps({"paths": out, "problems": problems}))
