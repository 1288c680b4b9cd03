/**
 * Every screen (onboarding, practice idle, scorecard, review, History, Calls and a call, Progress, Settings) in both UI
 * languages: no axe-core violation of any impact; nothing wider than a 360 px phone; no English left on the
 * Chinese UI. Along the way: focus lands on something meaningful after Continue, Skip, a take and
 * "Listen to this take"; Space starts recording while a drill choice has the focus; on a phone the
 * scorecard's top is on screen after a take; the review's waveform labels do not overlap.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/cli.ts';
import { t, type UiLang } from '../../src/i18n/index.ts';
import { E2E_PROFILES, E2E_WAVS, focusedName, openApp, pickDrill, switchCountInOff, unexpectedErrors, waitForScorecard, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { callWav, plannedCall } from './call-driver.ts';
import { axeViolations, englishRuns, escapingBoxes, overlappingLabels, rawTimestamps, sidewaysOverflow } from './ui-audit.ts';

const ARTIFACTS = join(REPO_ROOT, 'tests/artifacts');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const LANGS: UiLang[] = ['en', 'zh-CN'];
// Each screen is checked four times (two languages, two widths) with axe: more than the default minute on a busy machine.
const AUDIT_TIMEOUT_MS = 240_000;
// What the agent typed or read is theirs, in whatever script: it is not UI text.
const USER_DATA = [E2E_PROFILES.zh.name, E2E_PROFILES.zh.company, 'audit-call.wav'];

/** Switch the UI language with the header's switch and wait until the page says it is in that language. */
async function useLang(page: Page, lang: UiLang): Promise<void> {
  await page.getByTestId('ui-lang').selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
}

/** The tag name of the focused element (BODY when nothing meaningful has it). */
async function focusedTag(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { document: { activeElement: { tagName: string } | null } }).document.activeElement?.tagName ?? 'none');
}

/**
 * Audit the screen in both languages, at desktop and phone width: axe, sideways overflow, English on the
 * Chinese UI, plus `extra` checks (run at phone width). `ready` waits until the screen is drawn again
 * after a language switch. Returns every finding, each prefixed with the screen, language and width.
 */
async function auditScreen(page: Page, screen: string, ready: () => Promise<unknown>, extra?: () => Promise<string[]>): Promise<string[]> {
  const found: string[] = [];
  for (const lang of LANGS) {
    await useLang(page, lang);
    await page.setViewportSize(DESKTOP);
    await ready();
    found.push(...(await axeViolations(page)).map((v) => `${screen} ${lang} 1280: ${v}`));
    found.push(...(await rawTimestamps(page)).map((v) => `${screen} ${lang}: ${v}`));
    if (lang === 'zh-CN') found.push(...(await englishRuns(page, USER_DATA)).map((v) => `${screen} ${lang}: English ${v}`));
    // The detector itself: the English UI is full of English phrases.
    else expect(await englishRuns(page), `${screen}: English phrases on the English UI`).not.toEqual([]);
    await page.setViewportSize(PHONE);
    await ready();
    found.push(...(await axeViolations(page)).map((v) => `${screen} ${lang} 360: ${v}`));
    found.push(...(await sidewaysOverflow(page)).map((v) => `${screen} ${lang} 360: ${v}`));
    if (extra) found.push(...(await extra()).map((v) => `${screen} ${lang} 360: ${v}`));
    await page.screenshot({ path: join(ARTIFACTS, `audit-${screen}-${lang}-360.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
  await useLang(page, 'en');
  if (found.length > 0) console.log(found.join('\n'));
  return found;
}

describe.skipIf(!haveChromium)('every screen in both languages: accessibility, phone width, translation, focus', () => {
  // One profile folder for two browser launches: the second take is read from another WAV.
  const userDataDir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-audit-')) : '';
  let session: Session;
  let app: AppPage;
  let takeId = '';
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session = await launch({ micWav: E2E_WAVS.zhGreeting3, userDataDir });
    app = await openApp(session);
    await app.page.setViewportSize(DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it('onboarding: both steps pass; Continue and Skip hand the focus on', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    const form = page.getByTestId('profile-form');
    expect.soft(await auditScreen(page, 'onboarding-1', () => form.waitFor())).toEqual([]);
    await form.locator('input[name="name-zh"]').fill(E2E_PROFILES.zh.name);
    await form.locator('input[name="company-zh"]').fill(E2E_PROFILES.zh.company);
    await form.locator('input[name="scriptLang"][value="zh"]').check();
    await form.locator('[data-action="save-profile"]').click();
    await page.getByTestId('calibration').waitFor();
    expect.soft(await focusedName(page), 'focus after Continue').toBe('calibrate-title');
    expect.soft(await auditScreen(page, 'onboarding-2', () => page.getByTestId('calibration').waitFor())).toEqual([]);
    await page.locator('[data-action="skip-calibration"]').click();
    await page.locator('#practice-title').waitFor();
    expect.soft(await focusedName(page), 'focus after Skip').toBe('practice-title');
  });

  it('practice, idle: passes', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    await switchCountInOff(page);
    await page.locator('[data-nav="practice"]').click();
    await pickDrill(page, 'zh', 'zh-greeting3');
    expect.soft(await auditScreen(page, 'practice', () => page.locator('.record-card[data-phase="idle"]').waitFor())).toEqual([]);
    // Idle, the recorder is not announced as "Recording" (正在录音).
    for (const lang of LANGS) {
      await useLang(page, lang);
      expect.soft(await page.locator('.record-card h3').textContent(), lang).not.toBe(t(lang, 'practice.recording'));
    }
    await useLang(page, 'en');
  });

  it('Space starts recording while a drill choice has the focus; the scorecard then has it', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    await page.locator('input[name="drill"]:checked').focus();
    await page.keyboard.press('Space');
    const started = await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 5_000 }).then(() => true, () => false);
    expect.soft(started, 'Space with a drill choice focused starts recording').toBe(true);
    if (!started) await page.locator('[data-action="start"]').click();
    await waitForScorecard(page);
    expect.soft(await focusedName(page)).toBe('scorecard-title');
  });

  it('a take on a phone: the scorecard’s top is on screen; Listen keeps the focus on the player; the scorecard passes', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    // The second take reads the greeting faster and louder: every row has a "vs previous" change to show.
    await session.close();
    session = await launch({ micWav: E2E_WAVS.zhGreeting3Fast, userDataDir });
    app = await openApp(session, '#/practice');
    const { page } = app;
    await page.setViewportSize(PHONE);
    await pickDrill(page, 'zh', 'zh-greeting3');
    await page.locator('[data-action="start"]').click();
    await waitForScorecard(page);
    const scorecard = page.getByTestId('scorecard');
    takeId = (await scorecard.getAttribute('data-take-id')) ?? '';
    const top = await scorecard.evaluate((el) => (el as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top);
    console.log(`scorecard top after a take at 360 px: ${Math.round(top)} px`);
    expect.soft(top, 'the scorecard’s top is on screen').toBeGreaterThanOrEqual(-1);
    expect.soft(top, 'the scorecard’s top is on screen').toBeLessThan(PHONE.height / 3);
    expect.soft(await focusedName(page)).toBe('scorecard-title');
    await page.locator('[data-action="listen"]').click();
    await page.locator('.take-audio audio').waitFor();
    expect.soft(await focusedTag(page), 'focus after Listen').toBe('AUDIO');
    // The second take of the drill: the rows carry "vs previous" lines.
    expect(await page.locator('.score-table .delta').count()).toBeGreaterThan(0);
    const reviewLink = page.locator('[data-action="open-review"]');
    expect.soft(await reviewLink.count(), 'the scorecard links to its review').toBe(1);
    if (await reviewLink.count() > 0) expect(await reviewLink.getAttribute('href')).toBe(`#/take/${encodeURIComponent(takeId)}`);
    const cells = page.locator('.score-table tbody th, .score-table tbody td');
    expect.soft(await auditScreen(page, 'scorecard', () => scorecard.waitFor(), () => escapingBoxes(cells))).toEqual([]);
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('review (from the scorecard’s link): passes; its waveform labels never overlap; Listen keeps the focus', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    // The scorecard of the last take is still on the practice screen.
    if (await page.locator('[data-action="open-review"]').count() > 0) await page.locator('[data-action="open-review"]').click();
    else await page.goto(page.url().replace(/#.*$/, `#/take/${encodeURIComponent(takeId)}`));
    const review = page.locator(`[data-testid="take-review"][data-take-id="${takeId}"][data-ready="true"]`);
    await review.waitFor({ timeout: 30_000 });
    await page.locator('[data-action="load-audio"]').click();
    await page.locator('.take-audio audio').waitFor();
    expect.soft(await focusedTag(page), 'focus after Listen').toBe('AUDIO');
    const labels = page.locator('[data-testid="review-waveform"] .review-region-label');
    const ready = async (): Promise<void> => {
      await review.waitFor({ timeout: 30_000 });
      // wavesurfer lays the labels out a moment after it draws.
      await page.waitForTimeout(300);
    };
    const cells = page.locator('.score-table tbody th, .score-table tbody td');
    const found = await auditScreen(page, 'review', ready, async () => {
      expect(await labels.count()).toBeGreaterThan(0);
      await review.screenshot({ path: join(ARTIFACTS, `audit-review-waveform-360-${await page.locator('html').getAttribute('lang')}.png`) });
      return [...await overlappingLabels(labels), ...await escapingBoxes(cells)];
    });
    expect.soft(found).toEqual([]);
    // The language switches above redraw the review in place: no audio read again, no URL revoked under the player.
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('History: passes', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    await page.locator('[data-nav="history"]').click();
    expect.soft(await auditScreen(page, 'history', () => page.locator('.history-drill').first().waitFor())).toEqual([]);
  });

  it('Calls, with an imported call, and the call’s screen: pass', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    await page.locator('[data-nav="calls"]').click();
    await page.getByTestId('call-file').setInputFiles({ name: 'audit-call.wav', mimeType: 'audio/wav', buffer: callWav(plannedCall(8000)) });
    const item = page.locator('.calls li').first();
    await item.waitFor({ timeout: 60_000 });
    // The file's name is the agent's data, not UI text.
    expect.soft(await auditScreen(page, 'calls', () => item.waitFor())).toEqual([]);
    await item.locator('.call-name').click();
    // The call's opening greeting is shown with the practice scorecard: audited with the rest of the page.
    await page.locator('[data-testid="call-greeting"] [data-testid="scorecard"]').waitFor();
    expect.soft(await auditScreen(page, 'call', () => page.getByTestId('call-summary').waitFor())).toEqual([]);
    expect(unexpectedErrors(app)).toEqual([]);
  });

  // Until the progress-chart branch lands (src/features/progress: legends, axes, dates, the charts' width),
  // this one is expected to fail at 360 px: each chart's data table is ~700–800 px wide.
  it('Progress: passes', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    await page.locator('[data-nav="progress"]').click();
    const progress = page.locator('[data-testid="progress"]');
    expect.soft(await auditScreen(page, 'progress', () => progress.waitFor())).toEqual([]);
  });

  it('Settings: passes', { timeout: AUDIT_TIMEOUT_MS }, async () => {
    const { page } = app;
    await page.locator('[data-nav="settings"]').click();
    expect.soft(await auditScreen(page, 'settings', () => page.getByTestId('calibration').waitFor())).toEqual([]);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
