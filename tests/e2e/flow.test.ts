/**
 * The practice flow's edges (issue 9): a silent microphone stops early with a warning and leaves an
 * unscored attempt; a reload in the first run's step 2 offers calibration again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SPEECH_STOP_SEC, NO_SPEECH_WARN_SEC } from '../../src/capture/recording-model.ts';
import { t } from '../../src/i18n/index.ts';
import { encodeWav } from '../helpers/wav.ts';
import { completeFirstRun, E2E_PROFILES, openApp, switchCountInOff, unexpectedErrors, waitForScorecard, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

describe.skipIf(!haveChromium)('a silent microphone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voicedrill-silent-'));
  let session: Session;
  let app: AppPage;
  beforeAll(async () => {
    // Digital silence (the fake device stays silent after the file ends): a muted headset.
    const wav = join(dir, 'silent.wav');
    writeFileSync(wav, encodeWav([new Float32Array(48000)], 48000));
    session = await launch({ micWav: wav });
    app = await openApp(session);
    await completeFirstRun(app.page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await switchCountInOff(app.page);
    await app.page.locator('[data-nav="practice"]').click();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns, stops early, says "we didn’t hear you" once and keeps the take as an unscored attempt', async () => {
    const { page } = app;
    await page.locator('[data-action="start"]').click();
    await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
    const started = Date.now();
    const warning = page.getByTestId('no-speech-warning');
    expect(await warning.getAttribute('role')).toBe('alert');
    await warning.filter({ hasText: /can’t hear you/ }).waitFor({ state: 'visible', timeout: (NO_SPEECH_WARN_SEC + 5) * 1000 });
    // The recording's own clock when the warning appeared (the model's time, not the page's).
    const [min, sec] = ((await page.locator('.elapsed').textContent()) ?? '').replace(/[^\d:]/g, '').split(':').map(Number);
    const warnedAtSec = min * 60 + sec;
    await waitForScorecard(page, 60_000);
    const stoppedAfterSec = (Date.now() - started) / 1000;
    console.log(`silent mic: warned at ${warnedAtSec} s of recording, scorecard ${stoppedAfterSec.toFixed(1)} s after recording began`);
    expect(warnedAtSec).toBeGreaterThanOrEqual(NO_SPEECH_WARN_SEC);
    expect(warnedAtSec).toBeLessThan(NO_SPEECH_STOP_SEC);
    // Stopped near NO_SPEECH_STOP_SEC (plus the analysis), far from the 60 s limit.
    expect(stoppedAfterSec).toBeLessThan(NO_SPEECH_STOP_SEC + 15);
    expect(await page.locator('[data-notice="noSpeech"]').textContent()).toBe(t('en', 'practice.autoStop.noSpeech', { seconds: NO_SPEECH_STOP_SEC }));
    expect(await page.locator('[data-headline="noSpeech"]').textContent()).toBe(t('en', 'headline.noSpeech'));
    expect(await page.getByText(t('en', 'warning.noSpeech.title'), { exact: true }).count()).toBe(1);
    expect(await page.locator('[data-notice="unscored"]').count()).toBe(1);
    expect(await page.locator('tr[data-guideline="emphasis"] .advice').textContent()).toBe('No speech was heard, so the key words cannot be judged.');
    const takeId = await page.getByTestId('scorecard').getAttribute('data-take-id');

    await page.locator('[data-nav="history"]').click();
    const item = page.locator(`li[data-take-id="${takeId}"]`);
    await item.waitFor();
    expect(await item.locator('.take-score').textContent()).toBe(t('en', 'history.unscored'));
    expect(await item.locator('.take-score').getAttribute('data-unscored')).toBe('true');
    await page.locator('[data-nav="progress"]').click();
    await expect.poll(() => page.getByTestId('progress').getAttribute('data-take-count')).toBe('0');
    expect(unexpectedErrors(app)).toEqual([]);
  });
});

describe.skipIf(!haveChromium)('first run interrupted at calibration', () => {
  let session: Session;
  let app: AppPage;
  beforeAll(async () => {
    session = await launch();
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('offers calibration again after a reload in step 2, and not once skipped', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    const form = page.getByTestId('profile-form');
    await form.locator('input[name="name-en"]').fill(E2E_PROFILES.en.name);
    await form.locator('input[name="scriptLang"][value="en"]').check();
    await form.locator('[data-action="save-profile"]').click();
    await page.getByTestId('calibration').waitFor();
    await page.reload();
    await page.locator('h1').waitFor();
    await page.getByTestId('calibration').waitFor();
    expect(await page.locator('.first-run .step').textContent()).toBe(t('en', 'firstRun.step', { n: 2 }));
    await page.locator('[data-action="skip-calibration"]').click();
    await page.locator('#practice-title').waitFor();
    await page.reload();
    await page.locator('#practice-title').waitFor();
    expect(await page.getByTestId('calibration').count()).toBe(0);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
