/**
 * Issue 9 in the browser: a take whose level is inside its target but whose peaks come near clipping
 * (the English greeting of the e2e WAVs turned up to a −1.8 dBFS peak, about −19.7 dBFS active level).
 * The scorecard never shows a value inside its target as non-good without a visible reason: the
 * level row says "peaks near clipping" next to the value, with the advice for it; the key words list
 * the cues of their verdicts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVICE } from '../../src/i18n/advice.ts';
import { E2E_WAVS, firstEnglishGreetingTake, openApp, unexpectedErrors, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

/** The 16-bit PCM WAV with every sample scaled so its sample peak is `peakDbfs`. */
function withPeak(wav: Uint8Array, peakDbfs: number): Uint8Array {
  const out = new Uint8Array(wav);
  const view = new DataView(out.buffer);
  let at = 12;
  while (at + 8 <= out.length && String.fromCharCode(...out.subarray(at, at + 4)) !== 'data') at += 8 + view.getUint32(at + 4, true);
  const start = at + 8;
  const end = Math.min(out.length, start + view.getUint32(at + 4, true));
  let peak = 0;
  for (let i = start; i + 1 < end; i += 2) peak = Math.max(peak, Math.abs(view.getInt16(i, true)));
  const gain = (32768 * 10 ** (peakDbfs / 20)) / peak;
  for (let i = start; i + 1 < end; i += 2) view.setInt16(i, Math.round(view.getInt16(i, true) * gain), true);
  return out;
}

/** One scorecard row as the agent sees it. */
interface ShownRow {
  guideline: string;
  status: string;
  reason: string;
  valueText: string;
  targetText: string;
  reasonText: string;
  advice: string;
}

const NUM = /[+-]?\d+(?:\.\d+)?/g;

/** Whether the shown value lies inside the shown target (null when either has no number). */
function insideTarget(r: ShownRow): boolean | null {
  if (r.guideline === 'emphasis') {
    const m = /^(\d+) of (\d+)/.exec(r.valueText);
    return m === null ? null : m[1] === m[2];
  }
  const target = (r.targetText.match(NUM) ?? []).map(Number);
  const value = r.valueText.match(NUM);
  if (target.length === 0 || value === null) return null;
  const x = Number(value[0]);
  if (/^at least/.test(r.targetText)) return x >= target[0];
  if (/^at most/.test(r.targetText)) return x <= target[0];
  return x >= target[0] && x <= target[1];
}

describe.skipIf(!haveChromium)('scorecard: a value inside its target is good, or the card says why', () => {
  let session: Session;
  let app: AppPage;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'voicedrill-hot-'));
    const hot = join(dir, 'en-greeting4-hot.wav');
    writeFileSync(hot, withPeak(readFileSync(E2E_WAVS.enGreeting4), -1.8));
    session = await launch({ micWav: hot });
    app = await openApp(session);
  });
  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records a take with peaks near clipping and shows why its level is borderline', async () => {
    const { page } = app;
    await firstEnglishGreetingTake(page);

    const rows: ShownRow[] = await page.locator('[data-testid="scorecard"] tr[data-guideline]').evaluateAll((trs) => trs.map((tr) => {
      const text = (sel: string): string => tr.querySelector(sel)?.textContent?.trim() ?? '';
      return {
        guideline: tr.getAttribute('data-guideline') ?? '',
        status: tr.getAttribute('data-status') ?? '',
        reason: tr.getAttribute('data-reason') ?? '',
        valueText: text('.value-number'),
        targetText: text('td:nth-of-type(2)'),
        reasonText: text('.reason'),
        advice: text('.advice'),
      };
    }));
    expect(rows.map((r) => r.guideline)).toEqual(['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth']);

    // The level is inside −28…−16 dBFS; the peak makes it borderline, and the card says so by the value.
    const volume = rows.find((r) => r.guideline === 'volume') as ShownRow;
    expect(volume.targetText).toBe('-28 to -16 dBFS');
    expect(insideTarget(volume)).toBe(true);
    expect(volume).toMatchObject({ status: 'borderline', reason: 'peakNearClipping' });
    expect(volume.reasonText).toMatch(/^Peaks near clipping: -[12]\.\d+ dBFS \(keep them at or below -3 dBFS\)\.$/);
    expect(await page.locator('tr[data-guideline="volume"] .reason').isVisible()).toBe(true);
    expect(volume.advice).toBe(ADVICE['volume.peakNearClipping'].en);

    // No row anywhere: a value inside its target with a non-good status and no visible reason.
    const unexplained = rows.filter((r) => r.status !== 'good' && r.status !== 'unmeasured' && insideTarget(r) === true && r.reasonText === '');
    expect(unexplained).toEqual([]);
    for (const r of rows.filter((x) => x.reasonText !== '')) {
      expect(await page.locator(`tr[data-guideline="${r.guideline}"] .reason`).isVisible(), r.guideline).toBe(true);
    }

    // The key words: the row counts the words that stood out; each word lists its three cues.
    const emphasis = rows.find((r) => r.guideline === 'emphasis') as ShownRow;
    expect(emphasis.valueText).toMatch(/^\d of 2 stood out$/);
    expect(emphasis.targetText).toBe('every key word stands out');
    expect(await page.locator('.emphasis li').count()).toBe(2);
    expect(await page.locator('.emphasis li .cue').count()).toBe(6);

    // The reasons and cues fit at 360 px.
    mkdirSync(join(REPO_ROOT, 'tests/artifacts'), { recursive: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(REPO_ROOT, 'tests/artifacts/scorecard-reasons-360.png'), fullPage: true });
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(360);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
