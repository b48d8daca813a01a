/**
 * Min-heap of BPE merge candidates keyed by (rank, position): the lowest rank merges first and
 * the leftmost wins a tie, which is the order both tiktoken and Hugging Face BPE use. Typed
 * arrays, reused between calls, so a long piece merges without allocating per pair.
 */
export class MergeHeap {
  private ranks = new Int32Array(256);
  private positions = new Int32Array(256);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(rank: number, position: number): void {
    if (this.size === this.ranks.length) {
      const ranks = new Int32Array(this.size * 2);
      const positions = new Int32Array(this.size * 2);
      ranks.set(this.ranks);
      positions.set(this.positions);
      this.ranks = ranks;
      this.positions = positions;
    }
    const { ranks, positions } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pr = ranks[parent]!;
      if (pr < rank || (pr === rank && positions[parent]! < position)) break;
      ranks[i] = pr;
      positions[i] = positions[parent]!;
      i = parent;
    }
    ranks[i] = rank;
    positions[i] = position;
  }

  /** Rank of the smallest entry (call only when size > 0). */
  topRank(): number {
    return this.ranks[0]!;
  }

  /** Removes the smallest entry and returns its position. */
  pop(): number {
    const { ranks, positions } = this;
    const top = positions[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const rank = ranks[n]!;
    const position = positions[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (ranks[right]! < ranks[child]! || (ranks[right] === ranks[child] && positions[right]! < positions[child]!))) {
        child = right;
      }
      const cr = ranks[child]!;
      if (rank < cr || (rank === cr && position < positions[child]!)) break;
      ranks[i] = cr;
      positions[i] = positions[child]!;
      i = child;
    }
    ranks[i] = rank;
    positions[i] = position;
    return top;
  }
}
