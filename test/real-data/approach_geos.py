"""Independent geometry check of Bulwark's approach paths with GEOS (Shapely).

Usage: /usr/bin/python3 approach_geos.py SCENE.geojson RESULT.geojson HALF_WIDTHS_JSON
HALF_WIDTHS_JSON maps a vehicle code to half its width, m. For every approach_path of the result:
the smallest distance from the path to any building and to any barrier line, and whether the path
stays inside the analysis area — in a local transverse Mercator frame (GDAL's PROJ), not Bulwark's.
Prints [{"vehicle", "target", "building_m", "barrier_m", "inside", "length_m"}, ...].
"""
import json
import sys

from gdal_local_frame import local_projection
from shapely.geometry import shape
from shapely.ops import transform, unary_union

scene_path, result_path = sys.argv[1], sys.argv[2]
half = json.loads(sys.argv[3])
with open(scene_path) as fh:
    scene = json.load(fh)
with open(result_path) as fh:
    result = json.load(fh)
area_f = next(f for f in scene["features"] if f["properties"]["kind"] == "analysis_area")
lon0, lat0 = area_f["geometry"]["coordinates"][0][0]
project = local_projection(lon0, lat0)


def geom(f):
    return transform(project, shape(f["geometry"]))


area = geom(area_f)
buildings = unary_union([geom(f) for f in scene["features"] if f["properties"]["kind"] == "building"])
barriers = unary_union([geom(f) for f in scene["features"] if f["properties"]["kind"] == "barrier"])
out = []
for f in result["features"]:
    p = f["properties"]
    if p.get("kind") != "approach_path":
        continue
    line = geom(f)
    out.append({
        "vehicle": p["vehicle"],
        "target": p["target_id"],
        "building_m": line.distance(buildings),
        "barrier_m": line.distance(barriers),
        "inside": area.buffer(1e-6).contains(line),
        "length_m": line.length,
        "half_m": half[p["vehicle"]],
    })
print(json.dumps(out))
