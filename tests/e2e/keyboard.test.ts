/**
 * Keyboard alone: Tab order through the header, Space to start, to end the count-in and to stop; focus
 * follows the action; a silent take says "we didn't hear you". Leaving the screen mid-take releases the
 * recording: the take is finished (not left interrupted) and can be analysed from History. The Calls screen's
 * choices and file picker are reached with Tab and changed with the arrow keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blurFocus, completeFirstRun, E2E_PROFILES, E2E_WAVS, focusedName, openApp, unexpectedErrors, waitForScorecard, type AppPage,
} from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

const focused = (app: AppPage): Promise<string | null> => focusedName(app.page);

describe.skipIf(!haveChromium)('keyboard and leaving the screen', () => {
  let session: Session;
  let app: AppPage;
  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.zhGreeting3 });
    app = await openApp(session);
    await app.page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(app.page, { ...E2E_PROFILES.zh, scriptLang: 'zh' });
  });
  afterAll(async () => { await session?.close(); });

  it('tabs through the skip link and the navigation in order', async () => {
    const { page } = app;
    // A fresh page: sequential focus starts at the top of the document.
    await page.reload();
    await page.locator('#practice-title').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(app)).toBe('skip-link');
    const order = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(app));
    }
    expect(order).toEqual(['practice', 'history', 'calls', 'progress', 'settings']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('#progress-title').waitFor();
    await page.locator('[data-nav="practice"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#practice-title').waitFor();
  });

  it('starts, skips the count-in and stops with Space; a silent take gets "we didn’t hear you"', async () => {
    const { page } = app;
    await blurFocus(page);
    await page.keyboard.press('Space');
    await page.locator('.record-card[data-phase="countIn"]').waitFor();
    expect(await focused(app)).toBe('skip-count-in');
    await page.keyboard.press('Space');
    await page.locator('.record-card[data-phase="recording"]').waitFor();
    expect(await focused(app)).toBe('stop');
    // Space stops from anywhere that is not a control, not only from the focused Stop button.
    await blurFocus(page);
    await page.keyboard.press('Space');
    await waitForScorecard(page);
    expect(await focused(app)).toBe('scorecard-title');
    expect(await page.locator('[data-headline="noSpeech"]').textContent()).toBe('This take was not scored.');
    // The "we didn’t hear you" heading appears once (the warning's), not also as the headline.
    expect(await page.getByText('We didn’t hear you', { exact: true }).count()).toBe(1);
    const warning = page.locator('[data-warning="noSpeech"]');
    expect(await warning.locator('h4').textContent()).toBe('We didn’t hear you');
    expect(await warning.locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('tr[data-guideline="rate"]').getAttribute('data-status')).toBe('unmeasured');
  });

  it('releases the take when the agent leaves mid-recording; History can analyse it', async () => {
    const { page } = app;
    await page.locator('[data-action="try-again"]').click();
    await page.locator('[data-action="start"]').click();
    await page.locator('.record-card[data-phase="countIn"]').waitFor();
    await page.locator('[data-action="skip-count-in"]').click();
    await page.locator('.elapsed').filter({ hasText: '0:02' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-nav="history"]').click();
    const unanalysed = page.locator('li[data-status="recorded"]');
    // The screen's session finishes the take on its way out (storage is asynchronous: look again until it has).
    await expect.poll(async () => {
      await page.locator('[data-nav="progress"]').click();
      await page.locator('[data-nav="history"]').click();
      await page.locator('.history-drill').first().waitFor();
      return unanalysed.count();
    }, { timeout: 5_000 }).toBe(1);
    expect(await page.locator('li[data-status="recording"]').count()).toBe(0);
    await unanalysed.locator('a.take-link').click();
    await page.locator('[data-action="analyse"]').click();
    await waitForScorecard(page);
    expect(await page.locator('tr[data-guideline]').count()).toBe(9);
    expect(unexpectedErrors(app)).toEqual([]);
  });
  it('reaches the Calls screen’s choices and file picker with Tab; arrows change the channel', async () => {
    const { page } = app;
    await page.locator('[data-nav="calls"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#calls-title').waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 12 && !seen.includes('file'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement;
        return el?.getAttribute('type') === 'file' ? 'file' : el?.getAttribute('name') ?? '';
      }));
    }
    expect(seen.filter((x) => x !== '')).toEqual(['agentChannel', 'callLang', 'callGreeting', 'keepAudio', 'file']);
    const checkedChannel = (): Promise<string | null> => page.locator('input[name="agentChannel"]:checked').getAttribute('value');
    const before = await checkedChannel();
    await page.locator('input[name="agentChannel"]:checked').focus();
    await page.keyboard.press(before === 'left' ? 'ArrowRight' : 'ArrowLeft');
    expect(await checkedChannel()).toBe(before === 'left' ? 'right' : 'left');
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
