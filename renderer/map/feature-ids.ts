/**
 * A new feature's id, readable in messages ("feature camera-4: …"): the kind and the next
 * number not yet used by that kind in the project.
 */
export function nextFeatureId(kind: string, existing: Iterable<string>): string {
  const prefix = `${kind}-`;
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}
