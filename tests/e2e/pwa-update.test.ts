/// <reference lib="dom" />
/**
 * Updates with two builds: while a take is being recorded a new version appears; the prompt shows,
 * accepting it during the take defers it; the take finishes and is saved; the prompt asks again and
 * accepting reloads into the new version.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, waitForScorecard, type AppPage, switchCountInOff } from './app-driver.ts';
import { buildProduction } from './global-setup.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

describe.skipIf(!haveChromium)('update prompt across two builds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voicedrill-builds-'));
  const buildA = join(dir, 'a');
  const buildB = join(dir, 'b');
  let server: StaticServer;
  let session: Session;
  let app: AppPage;
  const buildIdShown = () => app.page.locator('.footer .version').getAttribute('data-build');

  beforeAll(async () => {
    await buildProduction(buildA, 'build-A');
    await buildProduction(buildB, 'build-B');
    server = await serveStatic(buildA);
    session = await launch({ micWav: E2E_WAVS.enGreeting4, origin: server.url });
    app = await openApp(session, '', server.url);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs build A under its service worker', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await switchCountInOff(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    expect(await buildIdShown()).toBe('build-A');
  });

  it('offers build B during a take, and accepting it does not interrupt the take', async () => {
    const { page } = app;
    await page.locator('[data-nav="practice"]').click();
    await pickDrill(page, 'en', 'en-greeting4');
    await page.locator('[data-action="start"]').click();
    await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });

    server.setRoot(buildB);
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await page.locator('.record-card').getAttribute('data-phase')).toBe('recording');
    await page.locator('[data-action="apply-update"]').click();
    expect(await prompt.getAttribute('data-state')).toBe('deferred');
    expect(await buildIdShown()).toBe('build-A');

    // The take runs to its end (auto-stop) and is scored while build A keeps running.
    await waitForScorecard(page);
    // Once the take is scored and saved, the prompt asks again; the agent reloads when ready.
    await expect.poll(() => prompt.getAttribute('data-state'), { timeout: 15_000 }).toBe('after-take');
    expect(await buildIdShown()).toBe('build-A');
    await page.locator('[data-action="apply-update"]').click();
    await expect.poll(buildIdShown, { timeout: 30_000 }).toBe('build-B');
  });

  it('kept the take that was recorded during the update', async () => {
    const { page } = app;
    await page.locator('[data-nav="history"]').click();
    await expect.poll(() => page.locator('[data-take-id][data-status="analysed"]').count(), { timeout: 15_000 }).toBe(1);
  });
});
