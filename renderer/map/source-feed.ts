import type { SceneFeature } from '../../core/scene/types.js';
import { sourceDiff } from './source-diff.js';

/** Where a kind's features go: a map source (or several, e.g. cameras and their wedges). */
export interface FeedSink {
  /** Replaces everything the sink holds. */
  setData(features: SceneFeature[]): Promise<unknown> | void;
  /** Removes ids, then adds (or replaces) features. */
  updateData(remove: string[], add: SceneFeature[]): Promise<unknown> | void;
}

export interface SourceFeedOptions {
  /** Features sent per message on a first fill; each message is serialised in its own task. */
  chunkSize: number;
  /** Called after each chunk of a first fill with the count sent so far and the total. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * Keeps one kind's map source equal to the project store. An edit sends only what changed
 * (sourceDiff); a first fill of a big kind goes in chunks, each awaited before the next, so no
 * single task serialises 60,000 buildings for the map's worker (that took 1–3 s). Chunks are in
 * west-to-east order, so each touches few tiles and the map fills in as strips. Changes made
 * while a fill runs are sent as one diff when it ends.
 */
export class SourceFeed {
  private drawn: Map<string, SceneFeature> | null = null;
  private filling: Promise<void> | null = null;
  private dirty = false;
  private generation = 0;

  constructor(
    private readonly sink: FeedSink,
    private readonly current: () => ReadonlyMap<string, SceneFeature>,
    private readonly options: SourceFeedOptions,
  ) {}

  /** Forgets what was sent (another project): the next sync fills from scratch. */
  reset(): void {
    this.generation++;
    this.drawn = null;
    this.filling = null;
    this.dirty = false;
  }

  /** Whether a chunked fill is still under way. */
  get busy(): boolean {
    return this.filling !== null;
  }

  /**
   * Brings the sink up to the store. Returns the running fill (resolved when the sink holds
   * everything), or a resolved promise when a diff was enough.
   */
  sync(): Promise<void> {
    if (this.filling) {
      this.dirty = true;
      return this.filling;
    }
    const now = this.current();
    const diff = this.drawn ? sourceDiff(this.drawn, now) : undefined;
    if (diff) {
      if (diff.add.length || diff.remove.length) {
        this.drawn = new Map(now);
        void this.sink.updateData(diff.remove, diff.add);
      }
      return Promise.resolve();
    }
    if (now.size <= this.options.chunkSize) {
      this.drawn = new Map(now);
      void this.sink.setData([...now.values()]);
      this.options.onProgress?.(now.size, now.size);
      return Promise.resolve();
    }
    const fill = this.fill(new Map(now));
    this.filling = fill;
    return fill;
  }

  private async fill(snapshot: Map<string, SceneFeature>): Promise<void> {
    const generation = this.generation;
    const features = westToEast(snapshot.values());
    const { chunkSize, onProgress } = this.options;
    this.drawn = null;
    await this.sink.setData([]);
    for (let i = 0; i < features.length; i += chunkSize) {
      if (generation !== this.generation) return;
      const chunk = features.slice(i, i + chunkSize);
      await this.sink.updateData([], chunk);
      onProgress?.(Math.min(i + chunkSize, features.length), features.length);
    }
    if (generation !== this.generation) return;
    this.drawn = snapshot;
    this.filling = null;
    // What changed in the store meanwhile goes as one diff against the snapshot sent.
    if (this.dirty) {
      this.dirty = false;
      await this.sync();
    }
  }
}

/** Features sorted by the longitude of their first vertex. */
export function westToEast(features: Iterable<SceneFeature>): SceneFeature[] {
  const keyed: { x: number; f: SceneFeature }[] = [];
  for (const f of features) keyed.push({ x: firstLon(f), f });
  keyed.sort((a, b) => a.x - b.x);
  return keyed.map((k) => k.f);
}

function firstLon(f: SceneFeature): number {
  let c: unknown = f.geometry.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' ? c[0] : 0;
}
