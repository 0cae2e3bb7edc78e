export const HELP = `bulwark — security-by-design analyses of a site plan, headless

Usage:
  bulwark validate FILE                 check every feature against scene format v1
  bulwark convert IN OUT                convert between .geojson/.json and .gpkg (a complete project)
  bulwark analyze FILE [--only LIST] [--vehicle LIST] [--threat LIST] [--out FILE] [--progress]
                                        run the analyses (coverage,approach,standoff,layers) and
                                        write GeoJSON with a summary to --out or stdout
  bulwark isovist FILE --at LON,LAT [--range-m R] [--out FILE]
                                        the area visible at ground level from a point
  bulwark demo --out FILE               write the built-in demo project (.gpkg or .geojson)
  bulwark --help                        this text

FILE is a scene (.geojson, .json) or a Bulwark project (.gpkg).
Exit status: 0 ok (warnings allowed); 1 invalid input; 2 unreadable file, unknown format or usage error.
Errors go to stderr, one line each: FILE: feature ID: problem.
`;
