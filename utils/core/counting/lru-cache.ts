/**
 * Least-recently-used map bounded by a total weight (by default: characters of the keys), so a
 * few huge pasted segments cannot pin unbounded memory in the long-lived background. The one LRU:
 * the background's segment counts and the content script's recent counts both use it.
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  private weight = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (key: string) => number = (key) => key.length + 32,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** Whether `key` is held, without making it recent. */
  has(key: string): boolean {
    return this.map.has(key);
  }

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert: Map iteration order is insertion order, so the oldest entry comes first.
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const w = this.weigh(key);
    if (w > this.maxWeight) return;
    if (this.map.has(key)) this.map.delete(key);
    else this.weight += w;
    this.map.set(key, value);
    for (const oldest of this.map.keys()) {
      if (this.weight <= this.maxWeight) break;
      this.map.delete(oldest);
      this.weight -= this.weigh(oldest);
    }
  }

  clear(): void {
    this.map.clear();
    this.weight = 0;
  }
}
