/**
 * The English four-part greeting with the count-in switched off in Settings (a take of about 10 s,
 * for the stop → scorecard time), every number against the CLI, then a reload: the take is in
 * History, grouped by drill and day, and opens its scorecard with the same numbers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { localDayKey } from '../../src/features/history/history-model.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import {
  completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, scorecardDetails, scorecardRows, shownScript, stopToScorecardMs,
  unexpectedErrors, waitForScorecard, type AppPage, type RowAttrs, switchCountInOff
} from './app-driver.ts';
import { cliReport, compareWithCli, formatComparison } from './cli-compare.ts';
import { haveChromium, launch, type Session } from './harness.ts';

const ARTIFACTS = join(REPO_ROOT, 'tests/artifacts');

describe.skipIf(!haveChromium)('practice: English four-part greeting, then History', () => {
  let session: Session;
  let app: AppPage;
  let rows: RowAttrs[] = [];
  let takeId = '';
  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.enGreeting4 });
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('switches the count-in off in Settings', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await switchCountInOff(page);
    await page.locator('[data-nav="practice"]').click();
    await page.locator('#practice-title').waitFor();
  });

  it('records about 10 s, and every number matches the CLI', async () => {
    const { page } = app;
    await pickDrill(page, 'en', 'en-greeting4');
    const script = await shownScript(page);
    expect(script).toBe(renderDrill(findBuiltInDrill('en-greeting4') as Drill, E2E_PROFILES.en).script);
    expect(script).toBe(readFileSync(E2E_WAVS.enGreeting4.replace(/\.wav$/, '.txt'), 'utf8').trim());
    expect(await page.locator('.key-word').allTextContents()).toEqual(['Bluebird Telecom', 'help']);

    await page.locator('[data-action="start"]').click();
    // No count-in: straight to recording.
    await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
    // While the greeting is spoken the live trace draws voiced points (F0 computed in the capture worklet).
    const trace = page.locator('.pitch-trace');
    await expect.poll(async () => Number(await trace.getAttribute('data-voiced-points', { timeout: 1_000 })), { timeout: 15_000, interval: 100 })
      .toBeGreaterThanOrEqual(10);
    await waitForScorecard(page);
    rows = await scorecardRows(page);
    takeId = (await page.getByTestId('scorecard').getAttribute('data-take-id')) ?? '';
    expect(takeId).toMatch(/^take-/);
    expect(await page.locator('.parts li[data-found="true"]').count()).toBe(4);
    // Both key words are located and measured (espeak's voice barely stresses them, so no status is asserted).
    expect(await page.locator('.emphasis li').count()).toBe(2);
    expect(await page.locator('.emphasis li[data-status="unmeasured"]').count()).toBe(0);
    expect(await page.getByTestId('comparison').textContent()).toContain('This is your first take of this drill.');

    const cli = await cliReport(E2E_WAVS.enGreeting4, 'en', script);
    const comparison = compareWithCli(rows, await scorecardDetails(page), cli);
    const ms = await stopToScorecardMs(page);
    const recordedAt = await page.locator('.recorded-at').textContent();
    console.log(formatComparison(`en-greeting4: app vs CLI (${recordedAt}); stop → scorecard ${ms?.toFixed(0)} ms`, comparison));
    expect(comparison.filter((c) => !c.ok)).toEqual([]);
    expect(recordedAt).toMatch(/, (9|10|11|12)\.\d s$/);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'practice-scorecard-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(ARTIFACTS, 'practice-scorecard-360.png'), fullPage: true });
    // Nothing sticks out sideways at 360 px.
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('keeps the take: after a reload it is in History under its drill and day, with the same numbers', async () => {
    const { page } = app;
    await page.reload();
    await page.locator('[data-nav="history"]').click();
    const group = page.locator('.history-drill[data-drill-id="en-greeting4"]');
    await group.waitFor();
    expect(await group.locator('h3').textContent()).toContain('Four-part greeting');
    const item = group.locator(`.history-day[data-day="${localDayKey(new Date().toISOString())}"] li[data-take-id="${takeId}"]`);
    expect(await item.getAttribute('data-status')).toBe('analysed');
    expect(await item.locator('.figures li[data-guideline="rate"] .pill').textContent()).toBe(`${rows.find((r) => r.guideline === 'rate')?.value} wpm`);
    await item.locator('a.take-link').click();
    await waitForScorecard(page);
    expect(await page.getByTestId('scorecard').getAttribute('data-take-id')).toBe(takeId);
    expect(await scorecardRows(page)).toEqual(rows);
  });
});
