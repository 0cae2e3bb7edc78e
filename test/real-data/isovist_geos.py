"""Independent isovist by ray casting with GEOS (Shapely), for cross-checking Bulwark's exact sweep.

Usage: /usr/bin/python3 isovist_geos.py SCENE.geojson "LON,LAT;LON,LAT;..." RANGE_M RAYS
Prints a JSON list, one {"area_m2": ..., "inside": bool} per point. Projection: a transverse
Mercator centred on the first point (GDAL's OSR), the kind of local metric frame Bulwark uses,
built independently.
"""
import json
import math
import sys

from gdal_local_frame import local_projection
from shapely.geometry import LineString, Point, Polygon, shape
from shapely.ops import transform, unary_union
from shapely.strtree import STRtree

scene_path, range_m, rays = sys.argv[1], float(sys.argv[3]), int(sys.argv[4])
points = [tuple(float(v) for v in p.split(",")) for p in sys.argv[2].split(";")]
lon, lat = points[0]
project = local_projection(lon, lat)


with open(scene_path) as fh:
    scene = json.load(fh)
blockers = [transform(project, shape(f["geometry"])) for f in scene["features"] if f["properties"]["kind"] == "building"]
blocked = unary_union(blockers).buffer(0)


def isovist_area(ox, oy):
    origin = Point(ox, oy)
    if blocked.contains(origin):
        return {"inside": True}
    # Every edge of the blocked area within range, indexed so each ray meets only the edges near it.
    near = blocked.intersection(origin.buffer(range_m * 1.01, 64))
    polys = getattr(near, "geoms", [near])
    segments = []
    for poly in polys:
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for r in [poly.exterior, *poly.interiors]:
            c = list(r.coords)
            segments.extend(LineString([c[k], c[k + 1]]) for k in range(len(c) - 1))
    tree = STRtree(segments)
    ring = []
    for i in range(rays):
        a = 2 * math.pi * i / rays
        ray = LineString([(ox, oy), (ox + range_m * math.cos(a), oy + range_m * math.sin(a))])
        best = range_m
        for seg in tree.query(ray):
            hit = ray.intersection(seg)
            if hit.is_empty:
                continue
            for g in getattr(hit, "geoms", [hit]):
                for c in g.coords:
                    best = min(best, math.hypot(c[0] - ox, c[1] - oy))
        ring.append((ox + best * math.cos(a), oy + best * math.sin(a)))
    return {"inside": False, "area_m2": Polygon(ring).area}


results = []
for plon, plat in points:
    (x,), (y,) = project([plon], [plat])
    results.append(isovist_area(x, y))
print(json.dumps(results))
