/**
 * Backup round trip in the browser: a recorded (and renamed) take is exported through the download,
 * all data is cleared, the file is imported, and the takes come back identical — records and audio
 * bytes. A damaged copy of the file is refused with a message, and nothing changes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, unexpectedErrors, type AppPage, switchCountInOff } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { clearAllData, readStoredData, recordTake, type StoredData } from './store-driver.ts';

describe.skipIf(!haveChromium)('backup: export, clear, import', () => {
  const dir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-backup-')) : '';
  let session: Session;
  let app: AppPage;
  let before: StoredData;
  let backupPath = '';

  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.enGreeting4Fast });
    app = await openApp(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function firstRun(): Promise<void> {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
  }

  async function importFile(path: string): Promise<{ kind: string; text: string }> {
    const { page } = app;
    await page.locator('[data-nav="settings"]').click();
    const panel = page.getByTestId('backup-panel');
    await panel.locator('input[data-action="import-backup"]').setInputFiles(path);
    const message = panel.locator('[data-backup-message]');
    await message.waitFor();
    return { kind: (await message.getAttribute('data-backup-message')) ?? '', text: (await message.textContent()) ?? '' };
  }

  it('records a take, names it, and exports everything to a .voicedrill download', async () => {
    const { page } = app;
    await firstRun();
    await switchCountInOff(page);
    await page.locator('[data-nav="practice"]').click();
    await pickDrill(page, 'en', 'en-greeting4');
    const takeId = await recordTake(page);
    await page.locator('[data-nav="history"]').click();
    await page.locator(`li[data-take-id="${takeId}"] [data-action="rename"]`).click();
    await page.locator(`li[data-take-id="${takeId}"] input[name="take-name"]`).fill('Backed up');
    await page.locator(`li[data-take-id="${takeId}"] [data-action="save-name"]`).click();
    await page.locator(`li[data-take-id="${takeId}"][data-name="Backed up"]`).waitFor();

    before = await readStoredData(page);
    expect(before.takes.map((t) => [t.id, t.status, t.name])).toEqual([[takeId, 'analysed', 'Backed up']]);
    expect(before.chunks.length).toBeGreaterThan(5);

    await page.locator('[data-nav="settings"]').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-panel').locator('[data-action="export-backup"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^voicedrill-backup-\d{4}-\d{2}-\d{2}\.voicedrill$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    expect(readFileSync(backupPath).length).toBeGreaterThan(100_000);
  });

  it('clears all data, imports the file, and gets identical takes back (records and audio bytes)', async () => {
    const { page } = app;
    await clearAllData(page);
    expect(await readStoredData(page)).toEqual({ takes: [], chunks: [] });
    await page.getByTestId('profile-form').waitFor(); // a first start again
    await firstRun();
    const result = await importFile(backupPath);
    expect(result).toEqual({ kind: 'ok', text: expect.stringMatching(/1/) as unknown as string });
    expect(await readStoredData(page)).toEqual(before);
    await page.locator('[data-nav="history"]').click();
    await page.locator(`li[data-take-id="${String(before.takes[0].id)}"][data-name="Backed up"]`).waitFor();
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('refuses a damaged or cut-short file with a message, and changes nothing', async () => {
    const { page } = app;
    const bytes = readFileSync(backupPath);
    const flipped = Buffer.from(bytes);
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 16; i++) flipped[i] ^= 0xff;
    const damaged = join(dir, 'damaged.voicedrill');
    writeFileSync(damaged, flipped);
    const cut = join(dir, 'cut.voicedrill');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));

    // Into the store holding the takes, and into an empty one (where a file that slipped through would add them).
    for (const expected of [before, { takes: [], chunks: [] }]) {
      if (expected !== before) {
        await clearAllData(page);
        await firstRun();
      }
      for (const [path, says] of [[damaged, /damaged/], [cut, /incomplete/]] as const) {
        const result = await importFile(path);
        expect(result.kind).toBe('error');
        expect(result.text).toMatch(says);
        expect(result.text).toContain('Nothing was changed.');
        expect(await readStoredData(page)).toEqual(expected);
      }
    }
    // The good file still imports afterwards.
    expect((await importFile(backupPath)).kind).toBe('ok');
    expect(await readStoredData(page)).toEqual(before);
  });
});
