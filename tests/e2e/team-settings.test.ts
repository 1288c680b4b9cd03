/**
 * Settings → Team server in the browser, with no server anywhere (issue 13): the section is there and explains itself;
 * a bad address gets its sentence and nothing is saved; a good one (where nothing listens) saves, the page reloads, the
 * header chip says "Not joined" and a join says the server is unreachable; a joined device (its record written as the
 * join would) reads "Offline" in the chip after the failed sync, and the chip opens the team section; leaving takes two
 * steps and removes the configuration, its localStorage mirror and the chip. axe: no serious or critical violation in
 * English and Chinese at 1280 and 360 px (joined; the address form again at 360 px); nothing sideways at 360 px; no
 * English on the Chinese UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEAM_EN } from '../../src/i18n/team-en.ts';
import { TEAM_ZH } from '../../src/i18n/team-zh.ts';
import { completeFirstRun, E2E_PROFILES, openApp, unexpectedErrors, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { axeViolations, englishRuns, sidewaysOverflow } from './ui-audit.ts';

// Port 9 (discard) on loopback: nothing listens, so every request is refused at once.
const NOWHERE = 'http://127.0.0.1:9';
const MIRROR_KEY = 'voicedrill.syncOrigin';

const seriousOrWorse = async (page: Page): Promise<string[]> => (await axeViolations(page)).filter((v) => /\((serious|critical)\)/.test(v));

async function mirror(page: Page): Promise<string | null> {
  return page.evaluate((key) => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(key), MIRROR_KEY);
}

/** Store a joined configuration as the service's join would (IndexedDB table syncConfig of database "voicedrill"). */
async function writeJoinedConfig(page: Page): Promise<void> {
  await page.evaluate(async (origin) => {
    type Req = { onsuccess: (() => void) | null; onerror: (() => void) | null; result: unknown; error: unknown };
    const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB;
    const open = idb.open('voicedrill');
    const db = await new Promise<{ transaction(s: string, m: string): { objectStore(s: string): { put(v: unknown): void }; oncomplete: (() => void) | null; onerror: (() => void) | null }; close(): void }>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result as never);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('syncConfig', 'readwrite');
    tx.objectStore('syncConfig').put({
      schemaVersion: 1, key: 'server', origin, token: 'vdt.bluebird.dev-1.c2VjcmV0',
      device: { id: 'dev-1', personId: 'alex', name: 'Chrome on Linux', createdAt: '2026-12-01T09:00:00.000Z', lastSeenAt: null, revokedAt: null },
      person: { id: 'alex', name: 'Alex Chen', role: 'trainer', groupIds: ['new-hires'] },
      org: { id: 'bluebird', name: 'Bluebird Telecom' },
      shareAudio: 'never', lastSyncAt: null, savedAt: Date.now(),
    });
    await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(new Error('write failed')); });
    db.close();
  }, NOWHERE);
}

describe.skipIf(!haveChromium)('Settings → Team server, with no server listening', () => {
  let session: Session;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    app = await openApp(session);
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the optional section and no chip while no server is configured', async () => {
    await page.locator('[data-nav="settings"]').click();
    const section = page.getByTestId('team-server');
    await expect.poll(() => section.getAttribute('data-state')).toBe('none');
    expect(await section.locator('h3').textContent()).toBe(TEAM_EN['team.title']);
    expect(await section.textContent()).toContain(TEAM_EN['team.intro']);
    expect(await page.getByTestId('sync-chip').count()).toBe(0);
  });

  it('refuses a bad address with a sentence and saves nothing', async () => {
    await page.getByTestId('team-origin').fill('ftp://127.0.0.1/files');
    await page.getByTestId('team-origin').press('Enter');
    await expect.poll(() => page.getByTestId('team-origin-message').textContent()).toBe(TEAM_EN['team.error.bad-origin']);
    expect(await page.getByTestId('team-origin-message').getAttribute('role')).toBe('alert');
    expect(await mirror(page)).toBeNull();
    expect(await page.getByTestId('team-server').getAttribute('data-state')).toBe('none');
  });

  it('saves a good address, reloads, shows the chip; joining says the server cannot be reached', async () => {
    await page.getByTestId('team-origin').fill(`${NOWHERE}/`);
    await Promise.all([page.waitForEvent('load'), page.getByTestId('team-origin-save').click()]);
    const section = page.getByTestId('team-server');
    await expect.poll(() => section.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    expect(await page.getByTestId('team-origin-current').textContent()).toBe(TEAM_EN['team.origin.current'].replace('{origin}', NOWHERE));
    expect(await mirror(page)).toBe(NOWHERE);
    const chip = page.getByTestId('sync-chip');
    await expect.poll(() => chip.locator('a').textContent()).toBe(`${TEAM_EN['team.chip.prefix']} ${TEAM_EN['team.chip.notJoined']}`);
    expect(await chip.getAttribute('role')).toBe('status');
    expect(await chip.getAttribute('aria-live')).toBe('polite');
    // The device name starts from the browser and system.
    expect(await page.getByTestId('team-device').inputValue()).toBe('Chrome on Linux');
    // An empty code is caught here; a well-formed one goes to the server, which is not there.
    await page.getByTestId('team-join').click();
    await expect.poll(() => page.getByTestId('team-join-message').textContent()).toBe(TEAM_EN['team.join.codeMissing']);
    await page.getByTestId('team-invite').fill('ABCD-EFGH-JKMN');
    await page.getByTestId('team-join').click();
    await expect.poll(() => page.getByTestId('team-join-message').textContent(), { timeout: 20_000 }).toBe(TEAM_EN['team.error.unreachable']);
    expect(await section.getAttribute('data-state')).toBe('saved');
  });

  it('a joined device whose server is not there reads "Offline"; the chip opens the team section', async () => {
    await writeJoinedConfig(page);
    await page.reload();
    await page.locator('h1').waitFor();
    const chip = page.getByTestId('sync-chip');
    await expect.poll(() => chip.locator('a').textContent(), { timeout: 20_000 }).toBe(`${TEAM_EN['team.chip.prefix']} ${TEAM_EN['team.chip.offline']}`);
    expect(await chip.getAttribute('data-kind')).toBe('offline');
    // From another screen, by keyboard: the chip's link leads to Settings with the team section focused.
    await page.locator('[data-nav="history"]').click();
    await chip.locator('a').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('team-server-title');
    expect(await page.getByTestId('team-org').textContent()).toBe('Bluebird Telecom');
    expect(await page.getByTestId('team-person').textContent()).toBe('Alex Chen (trainer)');
    expect(await page.getByTestId('team-device-name').textContent()).toBe('Chrome on Linux');
    expect(await page.getByTestId('team-share-never').isChecked()).toBe(true);
    await page.getByTestId('team-share-ask').check();
    await expect.poll(() => page.getByTestId('team-share-message').textContent()).toBe(TEAM_EN['team.share.saved']);
  });

  it('has no serious or critical axe violation in English and Chinese, at 1280 and 360 px', async () => {
    const found: string[] = [];
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.getByTestId('ui-lang').selectOption(lang);
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        found.push(...(await seriousOrWorse(page)).map((v) => `${lang} ${width}: ${v}`));
        if (width === 360) found.push(...(await sidewaysOverflow(page)).map((v) => `${lang} 360: ${v}`));
      }
      if (lang === 'zh-CN') {
        const chipText = await page.getByTestId('sync-chip').locator('a').textContent();
        if (chipText !== `${TEAM_ZH['team.chip.prefix']} ${TEAM_ZH['team.chip.offline']}`) found.push(`zh-CN chip: ${chipText ?? ''}`);
        found.push(...(await englishRuns(page, ['Bluebird Telecom', 'Alex Chen', 'Chrome on Linux', NOWHERE, E2E_PROFILES.en.name, E2E_PROFILES.en.company]))
          .map((v) => `zh-CN: English ${v}`));
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('ui-lang').selectOption('en');
    expect(found).toEqual([]);
  });

  it('leaves in two steps: the configuration, its mirror and the chip are gone', async () => {
    await page.getByTestId('team-leave').click();
    expect(await page.getByTestId('team-server').textContent()).toContain(TEAM_EN['team.leave.confirm'].replace('{count, plural, one {# item} other {# items}}', '0 items'));
    expect(await page.getByTestId('team-server').getAttribute('data-state')).toBe('joined');
    await page.getByTestId('team-leave-confirm').click();
    await expect.poll(() => page.getByTestId('team-server').getAttribute('data-state')).toBe('none');
    await expect.poll(() => page.getByTestId('sync-chip').count()).toBe(0);
    expect(await page.getByTestId('team-message').textContent()).toBe(TEAM_EN['team.left']);
    expect(await mirror(page)).toBeNull();
    // The address form again: no serious or critical violation, nothing sideways, no English on the Chinese UI.
    const found: string[] = [];
    await page.setViewportSize({ width: 360, height: 800 });
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.getByTestId('ui-lang').selectOption(lang);
      found.push(...(await seriousOrWorse(page)).map((v) => `${lang} 360: ${v}`), ...(await sidewaysOverflow(page)).map((v) => `${lang} 360: ${v}`));
      if (lang === 'zh-CN') found.push(...(await englishRuns(page, [E2E_PROFILES.en.name, E2E_PROFILES.en.company])).map((v) => `zh-CN: English ${v}`));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(found).toEqual([]);
    // Only the refused requests to the address that was given, nothing else.
    expect(unexpectedErrors(app).filter((e) => !e.includes('127.0.0.1:9') && !/ERR_CONNECTION_REFUSED|Content Security Policy/.test(e))).toEqual([]);
  });
});
