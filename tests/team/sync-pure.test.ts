/**
 * The pure helpers of the app's sync (src/sync): the back-off schedule (exact, with injected random), the server
 * address check, the outbox plan (due items, limits, audio after its take) and the failure classes.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../src/sync/backoff.ts';
import { normaliseServerOrigin } from '../../src/sync/origin.ts';
import { audioItemId, completionItemId, failureKindOf, planPush, takeItemId, type PlanItem } from '../../src/sync/outbox-plan.ts';
import type { SyncTake } from '../../src/sync/protocol.ts';

describe('backoff', () => {
  it('doubles from 2 s and caps at 5 min with no jitter at random 0.5', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 5000].map((n) => backoffDelayMs(n, () => 0.5)))
      .toEqual([2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000, 300000]);
  });
  it('jitters ±20 %', () => {
    expect(backoffDelayMs(1, () => 0)).toBe(1600);
    expect(backoffDelayMs(1, () => 0.75)).toBe(2200);
    expect(backoffDelayMs(1, () => 0.999999)).toBe(2400);
    expect(backoffDelayMs(10, () => 0)).toBe(240000);
    expect(backoffDelayMs(10, () => 0.999999)).toBe(360000);
  });
});

describe('server origin', () => {
  it('normalises an http(s) origin', () => {
    expect(normaliseServerOrigin(' https://Sync.Example.com ')).toEqual({ ok: true, origin: 'https://sync.example.com' });
    expect(normaliseServerOrigin('https://sync.example.com/')).toEqual({ ok: true, origin: 'https://sync.example.com' });
    expect(normaliseServerOrigin('http://10.0.0.5:8080')).toEqual({ ok: true, origin: 'http://10.0.0.5:8080' });
    expect(normaliseServerOrigin('https://sync.example.com:443')).toEqual({ ok: true, origin: 'https://sync.example.com' });
  });
  it('refuses other schemes, paths, queries, fragments and credentials with one sentence', () => {
    for (const bad of ['ftp://x.example', 'sync.example.com', 'https://x.example/api', 'https://x.example?a=1', 'https://x.example/#top', 'https://u:p@x.example', 'javascript:alert(1)', '']) {
      const r = normaliseServerOrigin(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^The server address (?:(?!\. ).)*\.$/);
    }
  });
});

describe('outbox plan', () => {
  const take = (id: string): SyncTake => ({
    takeId: id, drillId: 'a', drillVersion: 1, createdAt: '2026-12-03T09:00:00.000Z', analysisVersion: '1.5.0', lang: 'en', durationSec: 1, speechFound: true,
    verdicts: [], model: null, hasAudio: false, packId: null, packVersion: null,
  });
  const item = (payload: PlanItem['payload'], due: number, created = due): PlanItem => ({
    id: payload.kind === 'take' ? takeItemId(payload.take.takeId) : payload.kind === 'audio' ? audioItemId(payload.takeId) : completionItemId(payload.completion.packId, payload.completion.drillId),
    payload, nextAttemptAt: due, createdAt: created,
  });

  it('takes due items oldest first within the limits, and audio only once its take has left the outbox', () => {
    const items = [
      item({ kind: 'take', take: take('t2') }, 20),
      item({ kind: 'take', take: take('t1') }, 10),
      item({ kind: 'take', take: take('t3') }, 30),
      item({ kind: 'take', take: take('later') }, 1000),
      item({ kind: 'completion', completion: { packId: 'p', packVersion: 1, drillId: 'a', completedAt: '2026-12-03T09:00:00.000Z' } }, 5),
      item({ kind: 'audio', takeId: 't1' }, 5),
      item({ kind: 'audio', takeId: 'gone' }, 5),
    ];
    const plan = planPush(items, 100, { takesPerPush: 2, completionsPerPush: 200 } as never);
    expect(plan.batch.map((i) => i.id)).toEqual(['completion:p:a', 'take:t1', 'take:t2']);
    expect(plan.audio.map((i) => i.id)).toEqual(['audio:gone']);
  });

  it('classifies failures', () => {
    expect([401, 400, 403, 404, 409, 413, 426, 408, 429, 500, 503].map(failureKindOf))
      .toEqual(['revoked', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'retry', 'retry', 'retry', 'retry']);
  });
});
