"""Independent vehicle-borne standoff with GEOS (Shapely), for cross-checking Bulwark's standoff.

Usage: /usr/bin/python3 standoff_geos.py SCENE.geojson ZONE_ID VEHICLE_WIDTH_M
Model (scene-format.md, "Measurement conventions"): the vehicle centre may be anywhere in the
analysis area farther than half its width from buildings and vehicle-stopping barrier lines, in
the part connected to the area's edge; its body is that space grown by half the width; the
standoff is the distance from the body to the zone's outline. Prints {"achieved_m": ...}.
"""
import json
import sys

from gdal_local_frame import local_projection
from shapely.geometry import shape
from shapely.ops import transform, unary_union

scene_path, zone_id, width = sys.argv[1], sys.argv[2], float(sys.argv[3])
with open(scene_path) as fh:
    scene = json.load(fh)
area_f = next(f for f in scene["features"] if f["properties"]["kind"] == "analysis_area")
lon0, lat0 = area_f["geometry"]["coordinates"][0][0]
project = local_projection(lon0, lat0)


def geom(f):
    return transform(project, shape(f["geometry"]))


half = width / 2
area = geom(area_f)
blocks = [geom(f) for f in scene["features"] if f["properties"]["kind"] == "building"]
walls = [geom(f) for f in scene["features"] if f["properties"]["kind"] == "barrier"]
grown = unary_union([b.buffer(half, 64) for b in blocks] + [w.buffer(half, 64) for w in walls])
free = area.buffer(-half, 64).difference(grown)
parts = getattr(free, "geoms", [free])
edge = area.exterior.buffer(half + 0.01)
reachable = unary_union([p for p in parts if p.intersects(edge)])
body = reachable.buffer(half, 64)
zone = geom(next(f for f in scene["features"] if f["id"] == zone_id))
print(json.dumps({"achieved_m": zone.exterior.distance(body) if not zone.intersects(body) else 0.0}))
