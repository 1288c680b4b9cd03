/// <reference lib="dom" />
/**
 * Offline first: load once online, stop the server and go offline, reload; a whole take works
 * (record, analyse, scorecard, save), and after another reload the take is in History. Every request
 * of the session goes to the app's own origin.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, scorecardRows, waitForScorecard, type AppPage, switchCountInOff } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

describe.skipIf(!haveChromium)('offline after one online visit', () => {
  let server: StaticServer;
  let session: Session;
  let app: AppPage;
  const requests: string[] = [];
  beforeAll(async () => {
    server = await serveStatic(join(REPO_ROOT, 'dist'));
    session = await launch({ micWav: E2E_WAVS.enGreeting4, origin: server.url });
    session.context.on('request', (r) => requests.push(r.url()));
    app = await openApp(session, '', server.url);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('installs the service worker on the first (online) visit', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await switchCountInOff(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/`);
  });

  it('opens, records, analyses and saves with the server gone and the network off', async () => {
    const { page } = app;
    await server.close();
    await session.context.setOffline(true);
    await page.reload();
    await page.locator('[data-nav="practice"]').click();
    await pickDrill(page, 'en', 'en-greeting4');
    await page.locator('[data-action="start"]').click();
    await waitForScorecard(page);
    const rows = await scorecardRows(page);
    expect(rows.find((r) => r.guideline === 'rate')?.status).toBe('good');
    expect(rows.filter((r) => r.value !== '').length).toBeGreaterThanOrEqual(4);
  });

  it('still has the take after another offline reload', async () => {
    const { page } = app;
    await page.reload();
    await page.locator('[data-nav="history"]').click();
    await expect.poll(() => page.locator('[data-take-id]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await page.locator('[data-nav="progress"]').click();
    await page.getByTestId('progress').waitFor();
  });

  it('made no request to another origin during the whole session', () => {
    const foreign = requests.filter((url) => !url.startsWith(`${server.url}/`) && !/^(data|blob):/.test(url));
    expect(requests.length).toBeGreaterThan(10);
    expect(foreign).toEqual([]);
  });
});
