"""A local transverse Mercator frame from GDAL's PROJ, shared by the GEOS cross-check scripts here.

`local_projection(lon, lat)` returns a function (x, y[, z]) -> (xs, ys) for shapely.ops.transform:
WGS 84 lon/lat to metres east/north of (lon, lat) — built by GDAL, independent of Bulwark's frame.
"""
from osgeo import osr


def local_projection(lon0, lat0):
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    local = osr.SpatialReference()
    local.ImportFromProj4(f"+proj=tmerc +lat_0={lat0} +lon_0={lon0} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs")
    to_local = osr.CoordinateTransformation(wgs, local)

    def project(x, y, z=None):
        pts = [to_local.TransformPoint(a, b)[:2] for a, b in zip(x, y)]
        return tuple(p[0] for p in pts), tuple(p[1] for p in pts)

    return project
