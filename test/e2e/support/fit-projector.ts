/**
 * Where MapLibre puts a place after `fitBounds(bounds, { padding })` on a map box: Web Mercator
 * with 512-px tiles, zoom chosen so the bounds fill the padded box, centred on their Mercator
 * middle. Lets a test click a feature it knows only by coordinates.
 */
export function fitProjector(
  bounds: [number, number, number, number],
  box: { x: number; y: number; width: number; height: number },
  padding = 48,
  maxZoom = 19,
): (lonLat: readonly number[]) => { x: number; y: number } {
  const mx = (lon: number) => ((lon + 180) / 360) * 512;
  const my = (lat: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) * 512) / 360;
  const x0 = mx(bounds[0]), x1 = mx(bounds[2]), y0 = my(bounds[3]), y1 = my(bounds[1]);
  const scale = Math.min((box.width - 2 * padding) / (x1 - x0), (box.height - 2 * padding) / (y1 - y0));
  const k = Math.min(scale, 2 ** maxZoom);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return (p) => ({ x: box.x + box.width / 2 + (mx(p[0]) - cx) * k, y: box.y + box.height / 2 + (my(p[1]) - cy) * k });
}
