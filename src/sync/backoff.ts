/**
 * Retry back-off of the app's sync outbox (issue 13): exponential from 2 s, doubling per failed attempt, capped at
 * 5 min, with ±20 % jitter from an injected random (so two devices that failed together do not retry together, and
 * tests get exact values). Pure.
 */

export const BACKOFF = {
  /** Delay after the first failure (ms). */
  firstMs: 2000,
  factor: 2,
  /** No delay is longer than this before jitter (ms). */
  capMs: 5 * 60 * 1000,
  /** ±jitter as a fraction of the delay. */
  jitter: 0.2,
} as const;

/**
 * The delay before the next try after `attempts` failed sends (attempts ≥ 1; 1 → ~2 s, 2 → ~4 s, … ≤ 5 min ±20 %).
 * `random` returns [0, 1): 0.5 gives the delay without jitter, 0 gives −20 %, just under 1 gives +20 %.
 */
export function backoffDelayMs(attempts: number, random: () => number): number {
  const n = Math.max(1, Math.floor(attempts));
  // 2^n overflows to Infinity long after the cap; Math.min keeps it finite.
  const base = Math.min(BACKOFF.capMs, BACKOFF.firstMs * BACKOFF.factor ** (n - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(base * (1 + (2 * r - 1) * BACKOFF.jitter));
}
