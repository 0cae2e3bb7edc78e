import type { SceneFeature } from '../../core/scene/types.js';

/**
 * What changed in one kind since the map last drew it, by object identity (the edit path puts
 * new objects for changed features): ids to remove and features to add. Undefined when the
 * change is large enough that sending the whole collection again is cheaper.
 */
export function sourceDiff(
  before: ReadonlyMap<string, SceneFeature>,
  after: ReadonlyMap<string, SceneFeature>,
  maxChanges = 500,
): { remove: string[]; add: SceneFeature[] } | undefined {
  const remove: string[] = [];
  const add: SceneFeature[] = [];
  for (const [id, f] of after) {
    const old = before.get(id);
    if (old === f) continue;
    if (old) remove.push(id);
    add.push(f);
    if (add.length > maxChanges) return undefined;
  }
  for (const id of before.keys()) {
    if (!after.has(id)) {
      remove.push(id);
      if (remove.length > maxChanges) return undefined;
    }
  }
  return { remove, add };
}
