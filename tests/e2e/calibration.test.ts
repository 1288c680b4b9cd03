/**
 * First-run calibration: the agent reads the neutral sentence; its median pitch and active level are
 * stored as the baseline, and the next take's pitch level and effort are measured against it.
 * (The fake microphone replays the same WAV for every recording, so both should come out near zero.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { E2E_PROFILES, E2E_WAVS, focusedName, openApp, pickDrill, scorecardRows, unexpectedErrors, waitForScorecard, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

describe.skipIf(!haveChromium)('calibration', () => {
  let session: Session;
  let app: AppPage;
  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.zhGreeting3 });
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('stores the baseline from the first-run reading', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    const form = page.getByTestId('profile-form');
    await form.locator('input[name="name-zh"]').fill(E2E_PROFILES.zh.name);
    await form.locator(`input[name="scriptLang"][value="zh"]`).check();
    await form.locator('[data-action="save-profile"]').click();
    const panel = page.getByTestId('calibration');
    await panel.waitFor();
    // Continue is replaced by step 2: the focus moves to its title, not to <body>.
    expect(await focusedName(page)).toBe('calibrate-title');
    expect(await panel.locator('blockquote').textContent()).toBe(t('zh-CN', 'calibrate.sentence'));
    expect(await panel.getByTestId('baseline').textContent()).toBe(t('en', 'settings.noBaseline'));
    await panel.locator('[data-action="start"]').click();
    // Saved: the first run says so and waits for Continue, then ends on the practice screen.
    await panel.locator('[data-action="finish-first-run"]').waitFor({ timeout: 30_000 });
    expect(await panel.locator('p[role="status"].ok-text').textContent()).toBe(t('en', 'calibrate.done'));
    await panel.locator('[data-action="finish-first-run"]').click();
    await page.locator('#practice-title').waitFor();
    expect(await focusedName(page)).toBe('practice-title');
    await page.locator('[data-nav="settings"]').click();
    const baseline = (await page.getByTestId('baseline').textContent()) ?? '';
    console.log(`baseline: ${baseline}`);
    expect(baseline).toMatch(/median pitch 8\d(\.\d)? Hz, level -2\d(\.\d+)? dBFS/);
  });

  it('calibrating again in Settings puts the focus on the outcome', async () => {
    const { page } = app;
    const panel = page.getByTestId('calibration');
    await panel.locator('[data-action="start"]').click();
    const outcome = panel.getByTestId('calibration-outcome');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.textContent()).toBe(t('en', 'calibrate.done'));
    expect(await outcome.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
  });

  it('measures pitch level and effort of the next take against it', async () => {
    const { page } = app;
    await page.locator('[data-nav="practice"]').click();
    await pickDrill(page, 'zh', 'zh-greeting3');
    await page.locator('[data-action="start"]').click();
    await waitForScorecard(page);
    const rows = await scorecardRows(page);
    const effort = rows.find((r) => r.guideline === 'effort');
    const level = rows.find((r) => r.guideline === 'pitchLevel');
    console.log(`against the calibration: effort ${effort?.value} dB, pitch level ${level?.value} st`);
    expect(Math.abs(Number(effort?.value))).toBeLessThan(1);
    expect(Math.abs(Number(level?.value))).toBeLessThan(0.5);
    expect(effort?.value).not.toBe('');
    expect(effort?.status).toBe('good');
    // 0 st sits on the good band's lower edge (0 … +2 st), so a hair below it reads borderline.
    expect(['good', 'borderline']).toContain(level?.status);
    expect(await page.locator('[data-notice="calibrate"]').count()).toBe(0);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
