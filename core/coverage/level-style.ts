/**
 * simplestyle colours for the mapped levels, from the coarsest (blue) to the finest (red):
 * ColorBrewer RdYlBu, colour-blind safe. Gaps are drawn in magenta to stand apart from any level.
 */
const LEVEL_COLOURS = ['#4575b4', '#91bfdb', '#fee090', '#fc8d59', '#d73027', '#a50026', '#67001f'];
export const GAP_COLOUR = '#c51b7d';

export function levelColour(levelIndex: number): string {
  return LEVEL_COLOURS[Math.min(levelIndex, LEVEL_COLOURS.length - 1)];
}
