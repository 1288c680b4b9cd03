/**
 * Storage full while recording: the first chunk that does not fit stops the take, the agent is told
 * what happened and what to do, and the seconds saved before it are kept and scored.
 * The full disk is simulated in the page: IndexedDB's put on the audio store throws the browser's
 * QuotaExceededError after CHUNKS_THAT_FIT chunks. (Chromium's DevTools quota override,
 * Storage.overrideQuotaForOrigin, did not limit IndexedDB writes in this build.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, unexpectedErrors, waitForScorecard, type AppPage, switchCountInOff } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

/** 1 s chunks that are stored before the disk is "full": 4 s of leading silence and 2 s of the greeting. */
const CHUNKS_THAT_FIT = 6;

describe.skipIf(!haveChromium)('storage full while recording', () => {
  let session: Session;
  let app: AppPage;
  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.zhGreeting3 });
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('stops at the first chunk that does not fit, says so, and scores what was saved', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.zh, scriptLang: 'zh' });
    await switchCountInOff(page);
    await page.locator('[data-nav="practice"]').click();
    await pickDrill(page, 'zh', 'zh-greeting3');

    await page.evaluate((fit) => {
      // Typed loosely: this runs in the page, and the Node hosts' tsconfig has no DOM library.
      type Store = { name: string; put: (...args: unknown[]) => unknown };
      const g = globalThis as unknown as { IDBObjectStore: { prototype: Store }; DOMException: new (m: string, n: string) => Error };
      const proto = g.IDBObjectStore.prototype;
      const put = proto.put;
      let chunks = 0;
      proto.put = function (this: Store, ...args: unknown[]) {
        if (this.name === 'audioChunks' && ++chunks > fit) throw new g.DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    }, CHUNKS_THAT_FIT);

    await page.locator('[data-action="start"]').click();
    await waitForScorecard(page, 20_000);
    const alert = page.locator('[data-storage-error="quota"]');
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toBe(t('en', 'storage.quota'));
    // Stopped by the failed save, not by silence; exactly the saved seconds were scored.
    expect(await page.locator('[data-notice="silence"]').count()).toBe(0);
    expect(await page.locator('.recorded-at').textContent()).toMatch(new RegExp(`, ${CHUNKS_THAT_FIT}\\.0 s$`));
    expect(await page.locator('.parts li[data-part="0"]').getAttribute('data-found')).toBe('true');

    // Nothing saved before is lost: the take is in History with its six seconds and its scores.
    const takeId = await page.getByTestId('scorecard').getAttribute('data-take-id');
    await page.locator('[data-nav="history"]').click();
    const item = page.locator(`li[data-take-id="${takeId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('analysed');
    expect(await item.locator('.take-duration').textContent()).toBe(`${CHUNKS_THAT_FIT}.0 s`);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
