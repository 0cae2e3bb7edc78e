/**
 * Binary min-heap of (key, value) pairs on typed arrays, growing as needed; ties go to the lower
 * value, so the pop order is fixed (the same paths every run). Why not tinyqueue: it stores objects
 * and takes a comparator call per step; the run-up searches push millions of plain number pairs.
 */
export class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.vals = new Int32Array(Math.max(1, capacity));
  }

  /** The smallest key (the heap must not be empty). */
  topKey(): number {
    return this.keys[0];
  }

  push(key: number, val: number): void {
    if (this.size === this.vals.length) this.grow();
    let i = this.size++;
    this.keys[i] = key; this.vals[i] = val;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p); i = p;
    }
  }

  /** Removes the pair with the smallest key and returns its value (the heap must not be empty). */
  pop(): number {
    const top = this.vals[0];
    const n = --this.size;
    if (n > 0) {
      this.keys[0] = this.keys[n]; this.vals[0] = this.vals[n];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < n && this.less(l, m)) m = l;
        if (r < n && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m); i = m;
      }
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.vals[i] < this.vals[j]);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i]; this.keys[i] = this.keys[j]; this.keys[j] = k;
    const v = this.vals[i]; this.vals[i] = this.vals[j]; this.vals[j] = v;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2), vals = new Int32Array(this.vals.length * 2);
    keys.set(this.keys); vals.set(this.vals);
    this.keys = keys; this.vals = vals;
  }
}
