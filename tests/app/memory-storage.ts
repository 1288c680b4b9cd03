import type { FirstPaintStorage } from '../../src/storage/index.ts';

/** localStorage in memory for the first-paint tests, optionally refusing writes (full) or every call (blocked). */
export class MemoryStorage implements FirstPaintStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly refuse: 'none' | 'writes' | 'all' = 'none') {}
  get length(): number { return this.items.size; }
  key(i: number): string | null { return [...this.items.keys()][i] ?? null; }
  getItem(k: string): string | null {
    if (this.refuse === 'all') throw new Error('SecurityError');
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.refuse !== 'none') throw new Error('QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    if (this.refuse === 'all') throw new Error('SecurityError');
    this.items.delete(k);
  }
}
