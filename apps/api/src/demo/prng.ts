/**
 * A small seeded pseudo-random generator for the demo data: mulberry32, plus
 * helpers. Never Math.random: the same seed gives the same demo district.
 */

/** mulberry32: 32-bit state, good enough spread for demo data, tiny and fast. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string: derives independent sub-seeds from (seed, label). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Element `index` of `items`, throwing instead of returning undefined. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined)
    throw new RangeError(`index ${index} out of range (length ${items.length})`);
  return item;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /**
   * An independent stream for one purpose (e.g. `geo`, `residents:cuiyulu`), so
   * that changing how many residents are drawn never moves a street or a desk.
   */
  static derive(seed: number, label: string): Rng {
    return new Rng(hashString(`${seed}:${label}`));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }

  /** Pick from a precomputed weighted table (faster in hot loops). */
  draw<T>(table: WeightedTable<T>): T {
    const r = this.next() * table.total;
    const cumulative = table.cumulative;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r < at(cumulative, mid)) hi = mid;
      else lo = mid + 1;
    }
    return at(table.items, lo);
  }

  /** Pick with relative weights (same length as `items`). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= at(weights, i);
      if (r < 0) return at(items, i);
    }
    return at(items, items.length - 1);
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = at(copy, i);
      copy[i] = at(copy, j);
      copy[j] = tmp;
    }
    return copy;
  }

  /** `count` weights summing exactly to `total`, each at least `minimum`. */
  split(total: number, count: number, minimum: number, spread = 1): number[] {
    const raw = Array.from({ length: count }, () => 1 + spread * this.next());
    const rawSum = raw.reduce((a, b) => a + b, 0);
    const free = total - minimum * count;
    const parts = raw.map((r) => minimum + Math.floor((free * r) / rawSum));
    let rest = total - parts.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % count, rest--) parts[i] = at(parts, i) + 1;
    return parts;
  }
}

/** Items with cumulative weights, for `Rng.draw`. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    this.items = entries.map(([item]) => item);
    this.cumulative = entries.map(([, weight]) => (sum += weight));
    this.total = sum;
  }
}
