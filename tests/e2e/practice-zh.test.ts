/**
 * A Mandarin three-part greeting through the whole app, in Chinese: first run (profile, calibration
 * skipped), the drill, the default 3 s count-in, recording from the fake microphone, the auto-stop
 * after 2 s of silence, and a scorecard whose every number matches `voicedrill analyze` on the WAV.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import {
  completeFirstRun, E2E_PROFILES, focusedName, E2E_WAVS, openApp, pickDrill, scorecardDetails, scorecardRows, shownScript, stopToScorecardMs,
  unexpectedErrors, waitForScorecard, type AppPage,
} from './app-driver.ts';
import { cliReport, compareWithCli, formatComparison } from './cli-compare.ts';
import { haveChromium, launch, type Session } from './harness.ts';

describe.skipIf(!haveChromium)('practice: Mandarin three-part greeting', () => {
  let session: Session;
  let app: AppPage;
  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.zhGreeting3 });
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('runs the first run and the practice screen in Chinese', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('zh-CN');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('#first-run-title').textContent()).toBe('欢迎使用 VoiceDrill');
    await completeFirstRun(page, { ...E2E_PROFILES.zh, scriptLang: 'zh' });
    expect(await page.locator('#practice-title').textContent()).toBe('练习');
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('练习');
  });

  it('records the greeting with a count-in, stops by itself, and scores it exactly as the CLI does', async () => {
    const { page } = app;
    await pickDrill(page, 'zh', 'zh-greeting3');
    const script = await shownScript(page);
    expect(script).toBe(renderDrill(findBuiltInDrill('zh-greeting3') as Drill, E2E_PROFILES.zh).script);
    expect(script).toBe(readFileSync(E2E_WAVS.zhGreeting3.replace(/\.wav$/, '.txt'), 'utf8').trim());
    expect(await page.locator('.key-word').allTextContents()).toEqual(['服务']);

    await page.locator('[data-action="start"]').click();
    await page.locator('.record-card[data-phase="countIn"]').waitFor();
    expect(await page.getByTestId('status').textContent()).toMatch(/^准备……[123]$/);
    await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[role="meter"]').count()).toBe(1);
    expect(await focusedName(page)).toBe('stop');
    await waitForScorecard(page);
    expect(await page.locator('[data-notice="silence"]').textContent()).toBe('静音 2 秒后，录音已自动停止。');
    // espeak's flat synthetic voice: rise-and-fall is flat, and the key word does not stand out.
    expect(await page.getByTestId('status').textContent()).toMatch(/^您的成绩单：有 \d 处需要改进：抑扬顿挫（太平）/);

    const rows = await scorecardRows(page);
    expect(rows.map((r) => r.guideline)).toEqual(['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth']);
    // No calibration: the rows against the agent's own voice say so.
    expect(await page.locator('tr[data-guideline="effort"] .advice').textContent()).toContain('请先完成校准');
    expect(await page.locator('[data-notice="calibrate"]').count()).toBe(1);
    expect(await page.locator('.parts li[data-found="true"]').count()).toBe(3);

    const cli = await cliReport(E2E_WAVS.zhGreeting3, 'zh', script);
    const comparison = compareWithCli(rows, await scorecardDetails(page), cli);
    const ms = await stopToScorecardMs(page);
    const takeSec = await page.locator('.recorded-at').textContent();
    console.log(formatComparison(`zh-greeting3: app vs CLI (${takeSec}); stop → scorecard ${ms?.toFixed(0)} ms`, comparison));
    expect(comparison.filter((c) => !c.ok)).toEqual([]);
    expect(ms).not.toBeNull();
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
