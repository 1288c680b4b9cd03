/** A denied microphone: the practice screen says what happened and how to allow it, and nothing is recorded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { completeFirstRun, E2E_PROFILES, openApp, unexpectedErrors, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

describe.skipIf(!haveChromium)('microphone denied', () => {
  let session: Session;
  let app: AppPage;
  beforeAll(async () => {
    session = await launch({ denyMicrophone: true });
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('shows the guidance, in English and in Chinese', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await page.locator('[data-action="start"]').click();
    const guidance = page.locator('[data-mic-error="denied"]');
    await guidance.waitFor();
    expect(await guidance.getAttribute('role')).toBe('alert');
    expect(await guidance.locator('h4').textContent()).toBe(t('en', 'mic.denied.title'));
    expect(await guidance.textContent()).toContain(t('en', 'mic.denied.howTo'));
    // The agent can try again once the browser allows it.
    expect(await page.locator('[data-action="start"]').isEnabled()).toBe(true);
    expect(await page.getByTestId('scorecard').count()).toBe(0);

    await page.getByTestId('ui-lang').selectOption('zh-CN');
    expect(await guidance.locator('h4').textContent()).toBe(t('zh-CN', 'mic.denied.title'));
    expect(await guidance.textContent()).toContain(t('zh-CN', 'mic.denied.howTo'));

    await page.locator('[data-nav="history"]').click();
    await page.locator('.history .empty-state').waitFor();
    expect(unexpectedErrors(app).filter((e) => !/Permission denied|NotAllowedError/i.test(e))).toEqual([]);
  });
});
