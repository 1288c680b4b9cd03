/**
 * Crash recovery: a take is recording when the browser goes away (the context is closed mid-take,
 * with no chance to finish it). On the next start the app offers what was saved second by second,
 * and analysing it works like a normal take.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, scorecardRows, unexpectedErrors, waitForScorecard, switchCountInOff } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

/** Seconds recorded before the browser is closed. */
const CLOSE_AFTER_SEC = 6;

describe.skipIf(!haveChromium)('recovery of an interrupted take', () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'voicedrill-recovery-'));
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it('closes the browser in the middle of a take', async () => {
    const session = await launch({ micWav: E2E_WAVS.zhGreeting3, userDataDir });
    sessions.push(session);
    const { page } = await openApp(session);
    await completeFirstRun(page, { ...E2E_PROFILES.zh, scriptLang: 'zh' });
    await switchCountInOff(page);
    await page.locator('[data-nav="practice"]').click();
    await pickDrill(page, 'zh', 'zh-greeting3');
    await page.locator('[data-action="start"]').click();
    await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
    await page.locator('.elapsed').filter({ hasText: `0:0${CLOSE_AFTER_SEC}` }).waitFor({ timeout: 15_000 });
    // Gone without a word: no stop, no unload handler, no finishTake.
    await session.context.close();
  });

  it('offers the saved seconds on the next start and analyses them like a normal take', async () => {
    const session = await launch({ userDataDir });
    sessions.push(session);
    const app = await openApp(session);
    const { page } = app;
    const banner = page.getByTestId('recovery');
    await banner.waitFor();
    const text = (await banner.locator('li').first().textContent()) ?? '';
    const seconds = Number(/Recovered ([\d.]+) s/.exec(text)?.[1]);
    console.log(`recovery banner: ${text}`);
    // Chunks of 1 s are saved while recording: at most the last second is lost.
    expect(seconds).toBeGreaterThanOrEqual(CLOSE_AFTER_SEC - 1);
    expect(seconds).toBeLessThanOrEqual(CLOSE_AFTER_SEC + 1);
    expect(text).toContain('Three-part greeting (Mandarin)');

    await banner.locator('[data-action="recover-analyse"]').click();
    await waitForScorecard(page);
    expect(await banner.count()).toBe(0);
    const takeId = await page.getByTestId('scorecard').getAttribute('data-take-id');
    expect(await page.locator('input[name="drill"][value="zh-greeting3"]').isChecked()).toBe(true);
    expect(await page.locator('.recorded-at').textContent()).toContain(`${seconds.toFixed(1)} s`);
    const rows = await scorecardRows(page);
    expect(rows).toHaveLength(9);
    // Speech was heard: the greeting had begun (it starts 4 s into the recording).
    expect(await page.locator('[data-headline="noSpeech"]').count()).toBe(0);
    expect(await page.locator('.parts li[data-part="0"]').getAttribute('data-found')).toBe('true');
    // Only what was saved before the crash: marked incomplete, not counted until the agent says so.
    const notice = page.locator('[data-notice="incomplete"]');
    expect(await notice.getAttribute('data-counted')).toBe('false');
    expect(await notice.textContent()).toMatch(/interrupted/);
    expect(await page.locator('.new-best').count()).toBe(0);

    await page.locator('[data-nav="history"]').click();
    const item = page.locator(`li[data-take-id="${takeId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('analysed');
    expect(await item.locator('[data-completeness]').getAttribute('data-completeness')).toBe('incomplete');
    // Not on the progress page until counted (it is the only take: the page is empty).
    await page.locator('[data-nav="progress"]').click();
    await page.locator('#progress-title').waitFor();
    await expect.poll(() => page.getByTestId('progress').getAttribute('data-take-count')).toBe('0');
    // The agent counts it on the take's page; History says so.
    await page.locator('[data-nav="history"]').click();
    await item.locator('a.take-link').click();
    await page.locator('[data-action="count-take"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-action="count-take"]').check();
    await expect.poll(() => page.locator('[data-notice="incomplete"]').getAttribute('data-counted')).toBe('true');
    await page.locator('[data-nav="history"]').click();
    await expect.poll(() => item.locator('[data-completeness]').getAttribute('data-completeness')).toBe('counted');
    await page.locator('[data-nav="progress"]').click();
    await expect.poll(() => page.getByTestId('progress').getAttribute('data-take-count')).toBe('1');
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
