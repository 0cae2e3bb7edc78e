import type { SceneFeature } from '../../core/scene/types.js';
import { SnapIndex, type Snap, type SnapQuery } from './snap-index.js';
import { sourceDiff } from './source-diff.js';

/** Past this many features changed since a kind's index was built, it is built anew. */
const REBUILD_AFTER = 1000;

interface KindIndex {
  revision: number;
  /** The kind's features when `base` was built (the store's maps change in place). */
  snapshot: ReadonlyMap<string, SceneFeature>;
  base: SnapIndex;
  /** Ids whose entries in `base` are out of date (changed or deleted since). */
  stale: ReadonlySet<string>;
  /** The changed and added features, indexed apart. */
  fresh: SnapIndex;
}

/**
 * Snapping over the whole project, kept up to date per kind and incrementally: an edit leaves
 * the big index of its kind as it is (stale ids skipped) and indexes only what changed since,
 * so drawing after an edit in a 100,000-feature project does not rebuild half a million
 * segments (≈ 0.5 s) on the first mouse move. Hidden kinds are skipped at query time.
 */
export class ProjectSnapIndex {
  private readonly kinds = new Map<string, KindIndex>();

  /** Drops everything (another project). */
  clear(): void {
    this.kinds.clear();
  }

  snap(
    q: SnapQuery,
    byKind: ReadonlyMap<string, ReadonlyMap<string, SceneFeature>>,
    revisions: Readonly<Record<string, number>>,
    hidden: (kind: string) => boolean,
  ): Snap | undefined {
    let best: { snap: Snap; d: number } | undefined;
    const consider = (snap: Snap | undefined) => {
      if (!snap) return;
      const p = q.project(snap.lngLat);
      const d = Math.hypot(p.x - q.cursor.x, p.y - q.cursor.y);
      // A vertex beats an edge (SnapIndex's own rule), then the nearer one wins.
      if (!best || (snap.kind === 'vertex' && best.snap.kind === 'edge') || (snap.kind === best.snap.kind && d < best.d)) best = { snap, d };
    };
    for (const [kind, features] of byKind) {
      if (hidden(kind) || features.size === 0) continue;
      const k = this.current(kind, features, revisions[kind] ?? 0);
      consider(k.base.snap({ ...q, exclude: k.stale }));
      consider(k.fresh.snap(q));
    }
    return best?.snap;
  }

  /** Features held per kind in the base indexes (tests, timings). */
  baseSize(kind: string): number {
    return this.kinds.get(kind)?.snapshot.size ?? 0;
  }

  private current(kind: string, features: ReadonlyMap<string, SceneFeature>, revision: number): KindIndex {
    const k = this.kinds.get(kind);
    if (k && k.revision === revision) return k;
    const diff = k ? sourceDiff(k.snapshot, features, REBUILD_AFTER) : undefined;
    let next: KindIndex;
    if (k && diff) {
      const stale = new Set(diff.remove);
      for (const f of diff.add) stale.add(f.id);
      next = { ...k, revision, stale, fresh: new SnapIndex(diff.add) };
    } else {
      const snapshot = new Map(features);
      next = { revision, snapshot, base: new SnapIndex(snapshot.values()), stale: new Set(), fresh: new SnapIndex([]) };
    }
    this.kinds.set(kind, next);
    return next;
  }
}
