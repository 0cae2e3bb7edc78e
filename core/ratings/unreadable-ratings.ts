import type { Scene } from '../scene/types.js';
import { parseRating } from './parse-rating.js';

/**
 * Barrier ratings the parser cannot read, one per barrier. The approach analysis then treats the
 * barrier as unrated, which is safe but easy to miss in a long plan: a typo in a certificate
 * string must reach the user as a warning naming the barrier, not only as a verdict reason.
 */
export function unreadableRatings(scene: Scene): { featureId: string; message: string }[] {
  const out: { featureId: string; message: string }[] = [];
  for (const f of scene.features) {
    if (f.properties.kind !== 'barrier' || f.properties.barrier_type === 'street_furniture') continue;
    const text = f.properties.rating;
    if (typeof text !== 'string' || text.trim() === '') continue;
    try {
      parseRating(text);
    } catch (e) {
      out.push({ featureId: f.id, message: `${(e as Error).message}; the barrier is assessed as unrated` });
    }
  }
  return out;
}
