import type { Scene } from '../../../core/scene/types.js';

/** The display name of a scene feature by id (its `name`, else the id). */
export function nameLookup(scene: Scene | null | undefined): (id: string) => string {
  const names = new Map<string, string>();
  for (const f of scene?.features ?? []) if (typeof f.properties.name === 'string' && f.properties.name) names.set(f.id, f.properties.name);
  return (id) => names.get(id) ?? id;
}
