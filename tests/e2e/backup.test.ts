/**
 * Backup round trip in the browser: a recorded (and renamed) take is exported through the download,
 * all data is cleared, the file is imported on what is then a new device (a fresh first-run profile,
 * not calibrated), and the takes come back identical — records and audio bytes — with the backup's
 * profile and calibration. A damaged copy of the file is refused with an error (role=alert), and
 * nothing changes. A take deleted and then restored from the backup is listed without a reload.
 * "Delete all my data" deletes nothing when cancelled, and everything after its second step.
 * The CSV export carries the agent and the raw figures. A recorded call whose audio is kept goes in the
 * backup with that audio when the box is ticked (by keyboard), and comes back byte for byte. Moving a long call's
 * audio shows its progress; Stop ends an export without a file and an import without any change.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../../src/analysis/index.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, pickDrill, unexpectedErrors, type AppPage, switchCountInOff } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { clearAllData, readStoredData, readStoredProfile, recordTake, writeStoredProfile, type StoredData } from './store-driver.ts';
import { parseCsv } from '../helpers/csv.ts';
import { callWav, longCallWav, plannedCall, readStoredCalls } from './call-driver.ts';
import type { Page } from 'playwright-core';

/** FNV-1a of each call's kept audio, its chunks in order, read straight from IndexedDB in the page. */
async function callAudioDigests(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
    type Db = { transaction(n: string): { objectStore(n: string): { getAll(): Req } }; close(): void };
    const open = (globalThis as unknown as { indexedDB: { open(n: string): Req } }).indexedDB.open('voicedrill');
    const db = await new Promise<Db>((resolve, reject) => { open.onsuccess = () => resolve(open.result as Db); open.onerror = () => reject(open.error); });
    const req = db.transaction('callAudio').objectStore('callAudio').getAll();
    const rows = await new Promise<{ callId: string; index: number; bytes: ArrayBuffer }[]>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result as { callId: string; index: number; bytes: ArrayBuffer }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const out: Record<string, number> = {};
    for (const row of rows.sort((a, b) => a.index - b.index)) {
      let h = out[row.callId] ?? 0x811c9dc5;
      for (const b of new Uint8Array(row.bytes)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
      out[row.callId] = h;
    }
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toString(16)]));
  });
}

/** FNV-1a of bytes, as callAudioDigests gives it. */
function digest(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16);
}

describe.skipIf(!haveChromium)('backup: export, clear, import', () => {
  const dir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-backup-')) : '';
  let session: Session;
  let app: AppPage;
  let before: StoredData;
  let backupPath = '';
  // The calibration the backup carries (written straight into the profile before the export).
  const baseline = { medianHz: 96.8, activeLevelDbfs: -21.5, brightnessHz: 1400, recordedAt: '2026-11-01T08:00:00.000Z', analysisVersion: ANALYSIS_VERSION };

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

  /** Import a file in Settings; when asked whose profile to keep, answer `choice` (default: what is offered). */
  async function importFile(path: string, choice?: 'backup' | 'device'): Promise<{ kind: string; text: string; role: string; className: string; asked: string | null }> {
    const { page } = app;
    await page.locator('[data-nav="settings"]').click();
    const panel = page.getByTestId('backup-panel');
    await panel.locator('input[data-action="import-backup"]').setInputFiles(path);
    const message = panel.locator('[data-backup-message]');
    const ask = panel.getByTestId('import-profile-choice');
    await message.or(ask).first().waitFor();
    let asked: string | null = null;
    if (await ask.isVisible()) {
      asked = await ask.locator('input[name="import-profile"]:checked').getAttribute('value');
      if (choice) await ask.locator(`input[name="import-profile"][value="${choice}"]`).check();
      await ask.locator('[data-action="import-confirm"]').click();
      await message.waitFor();
    }
    return {
      kind: (await message.getAttribute('data-backup-message')) ?? '',
      text: (await message.textContent()) ?? '',
      role: (await message.getAttribute('role')) ?? '',
      className: (await message.getAttribute('class')) ?? '',
      asked,
    };
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
    // This device's calibration, to be carried by the backup.
    const profile = await readStoredProfile(page);
    expect(profile).toMatchObject({ fills: { en: { name: E2E_PROFILES.en.name } }, baseline: null });
    await writeStoredProfile(page, { ...profile, baseline });

    await page.locator('[data-nav="settings"]').click();
    expect(await page.getByTestId('baseline').textContent()).toMatch(/96\.8 Hz/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-panel').locator('[data-action="export-backup"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^voicedrill-backup-\d{4}-\d{2}-\d{2}\.voicedrill$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    expect(readFileSync(backupPath).length).toBeGreaterThan(100_000);
  });

  it('exports the scores as CSV with the agent and the raw figures, units in the column names', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-panel').locator('[data-action="export-csv"]').click(),
    ]);
    const csvPath = join(dir, download.suggestedFilename());
    await download.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [head, row] = parseCsv(text.slice(1));
    for (const column of ['Agent name', 'Company', 'Length (s, unrounded)', 'Median F0 (Hz)', 'Peak (dBFS)', 'SNR (dB)', 'Speech span (s)', 'Rate (wpm, English)']) {
      expect(head).toContain(column);
    }
    expect(row[head.indexOf('Agent name')]).toBe(E2E_PROFILES.en.name);
    const stored = before.takes[0] as { report: { pitch: { medianHz: number }; loudness: { peakDbfs: number } } };
    expect(Number(row[head.indexOf('Median F0 (Hz)')])).toBe(stored.report.pitch.medianHz);
    expect(Number(row[head.indexOf('Peak (dBFS)')])).toBe(stored.report.loudness.peakDbfs);
  });

  it('clears all data, imports the file, and gets identical takes back (records and audio bytes)', async () => {
    const { page } = app;
    await clearAllData(page);
    expect(await readStoredData(page)).toEqual({ takes: [], chunks: [] });
    await page.getByTestId('profile-form').waitFor(); // a first start again: a new device
    await firstRun();
    expect(await readStoredProfile(page)).toMatchObject({ baseline: null });
    const result = await importFile(backupPath);
    // This device's first-run profile is not calibrated: the backup's is offered first, and taken.
    expect(result).toMatchObject({ kind: 'ok', role: 'status', asked: 'backup' });
    expect(result.text).toMatch(/Imported 1 new take/);
    expect(result.text).toContain('Took the backup’s profile and calibration.');
    expect(await readStoredData(page)).toEqual(before);
    expect(await readStoredProfile(page)).toMatchObject({ fills: { en: { name: E2E_PROFILES.en.name } }, uiLang: 'en', baseline });
    expect(await page.getByTestId('baseline').textContent()).toMatch(/96\.8 Hz/); // the app shows it without a reload
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
        expect(result.role).toBe('alert');
        expect(result.className).toContain('notice-error');
        expect(result.text).toMatch(says);
        expect(result.text).toContain('Nothing was changed.');
        expect(await readStoredData(page)).toEqual(expected);
      }
    }
    // The good file still imports afterwards (keeping this device's profile when asked).
    const good = await importFile(backupPath, 'device');
    expect(good).toMatchObject({ kind: 'ok', role: 'status', asked: 'backup' });
    expect(good.className).not.toContain('notice-error');
    expect(good.text).toContain('Kept this computer’s profile and calibration.');
    expect(await readStoredProfile(page)).toMatchObject({ baseline: null });
    expect(await readStoredData(page)).toEqual(before);
  });

  it('lists a take deleted and then restored from the backup again, without a reload', async () => {
    const { page } = app;
    const takeId = String(before.takes[0].id);
    await page.locator('[data-nav="history"]').click();
    const item = page.locator(`li[data-take-id="${takeId}"]`);
    await item.locator('[data-action="delete"]').click();
    await item.waitFor({ state: 'detached' });
    // Leaving History deletes for good.
    await page.locator('[data-nav="settings"]').click();
    await expect.poll(async () => (await readStoredData(page)).takes.length).toBe(0);
    const result = await importFile(backupPath);
    expect(result.text).toMatch(/Imported 1 new take/);
    expect(await readStoredData(page)).toEqual(before);
    await page.locator('[data-nav="history"]').click();
    await item.waitFor();
    // …and it can be deleted again, and undone.
    await item.locator('[data-action="delete"]').click();
    await item.waitFor({ state: 'detached' });
    await page.locator('[data-action="undo-delete"]').click();
    await item.waitFor();
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('deletes all data only after the second step, and says what it deleted', async () => {
    const { page } = app;
    await page.locator('[data-nav="settings"]').click();
    const panel = page.getByTestId('delete-all-panel');
    const profile = await readStoredProfile(page);
    expect(profile).not.toBeNull();
    // Cancelled: nothing is deleted.
    await panel.locator('[data-action="delete-all"]').click();
    const confirm = panel.getByTestId('delete-all-confirm');
    expect(await confirm.textContent()).toMatch(/Delete 1 takes? with their audio, and your profile and calibration\?/) // no calls stored: none named;
    expect(await confirm.locator('[data-action="delete-all-backup"]').count()).toBe(1);
    await confirm.locator('[data-action="delete-all-cancel"]').click();
    expect(await panel.locator('[data-delete-all-message]').textContent()).toBe('Nothing was deleted.');
    expect(await readStoredData(page)).toEqual(before);
    expect(await readStoredProfile(page)).toEqual(profile);
    // Confirmed: takes, audio and profile are gone.
    await panel.locator('[data-action="delete-all"]').click();
    await confirm.locator('[data-action="delete-all-confirm"]').click();
    const done = panel.locator('[data-delete-all-message="ok"]');
    await done.waitFor();
    expect(await done.getAttribute('role')).toBe('status');
    expect(await done.textContent()).toMatch(/^Deleted 1 takes? with their audio, and your profile and calibration\./);
    expect(await readStoredData(page)).toEqual({ takes: [], chunks: [] });
    expect(await readStoredProfile(page)).toBeNull();
    await page.locator('[data-nav="history"]').click();
    await page.locator('.history .empty-state').waitFor();
    // The next start is a first start.
    await page.reload();
    await page.getByTestId('profile-form').waitFor();
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('backs up a call with its kept audio when ticked, and restores it byte for byte after all data is cleared', { timeout: 180_000 }, async () => {
    const { page } = app;
    await firstRun();
    await page.locator('[data-nav="calls"]').click();
    await page.locator('input[name="keepAudio"][value="audio"]').check();
    const wav = callWav(plannedCall(8000));
    await page.getByTestId('call-file').setInputFiles({ name: 'backed-up-call.wav', mimeType: 'audio/wav', buffer: wav });
    const done = page.locator('[data-import="done"]');
    await done.waitFor({ timeout: 90_000 });
    const callId = (await done.getAttribute('data-call-id')) ?? '';
    const stored = await readStoredCalls(page);
    expect(stored.calls).toEqual([expect.objectContaining({ id: callId, keepAudio: true, audioBytes: wav.length })]);
    expect(await callAudioDigests(page)).toEqual({ [callId]: digest(wav) });

    await page.locator('[data-nav="settings"]').click();
    const panel = page.getByTestId('backup-panel');
    const calls = panel.getByTestId('backup-calls');
    expect(await calls.textContent()).toMatch(/The analysis, bookmarks and drills of your 1 call always go in\..*kept audio \(\d+(\.\d)? [KM]B\).*Reflections are private/);
    const audioBox = calls.locator('[data-action="backup-call-audio"]');
    const reflectionBox = calls.locator('[data-action="backup-reflections"]');
    expect([await audioBox.isChecked(), await reflectionBox.isChecked()]).toEqual([false, false]);
    await audioBox.focus();
    await page.keyboard.press('Space');
    expect(await audioBox.isChecked()).toBe(true);
    // At phone width the choices stay inside the page.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (size) await page.setViewportSize(size);

    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-action="export-backup"]').click()]);
    const callBackup = join(dir, 'with-call.voicedrill');
    await download.saveAs(callBackup);
    expect(await panel.locator('[data-backup-message="ok"]').textContent()).toMatch(/It holds 1 call with its kept audio\. Your private reflections were left out\.$/);
    expect(readFileSync(callBackup).length).toBeGreaterThan(wav.length);

    await clearAllData(page);
    await page.getByTestId('profile-form').waitFor();
    await firstRun();
    expect((await readStoredCalls(page)).calls).toEqual([]);
    const result = await importFile(callBackup);
    expect(result).toMatchObject({ kind: 'ok', role: 'status' });
    expect(result.text).toContain('Calls: 1 new; 0 already here, kept as they were.');
    expect(await readStoredCalls(page)).toEqual(stored);
    expect(await callAudioDigests(page)).toEqual({ [callId]: digest(wav) });
    await page.locator('[data-nav="calls"]').click();
    await page.locator(`li[data-call-id="${callId}"][data-keep-audio="true"]`).waitFor();
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('shows the progress of a backup moving calls\' audio, and Stop stops it: no file, or an import that changed nothing', { timeout: 240_000 }, async () => {
    const { page } = app;
    // A 20-minute 8 kHz stereo call kept with its audio: 38 MB, ten stored pieces.
    await page.locator('[data-nav="calls"]').click();
    await page.locator('input[name="keepAudio"][value="audio"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'long-kept.wav', mimeType: 'audio/wav', buffer: longCallWav(plannedCall(8000), 20) });
    await page.locator('[data-import="done"][data-call-id]').last().waitFor({ timeout: 120_000 });
    const stored = await readStoredCalls(page);
    const digests = await callAudioDigests(page);
    await page.locator('[data-nav="settings"]').click();
    const panel = page.getByTestId('backup-panel');
    await panel.locator('[data-action="backup-call-audio"]').check();
    const progress = panel.getByTestId('backup-progress');
    let downloads = 0;
    page.on('download', () => downloads++);
    // The page's thread slowed down 20 times, so the pieces take long enough to stop between them.
    const cdp = await page.context().newCDPSession(page);
    const slowly = async <T>(work: () => Promise<T>): Promise<T> => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
      try {
        return await work();
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      }
    };

    const stoppedExport = await slowly(async () => {
      await panel.locator('[data-action="export-backup"]').click();
      await progress.waitFor();
      const shown = { phase: await progress.getAttribute('data-phase'), text: await progress.locator('span').textContent(), role: await progress.getAttribute('role') };
      await progress.locator('[data-action="backup-stop"]').click();
      await panel.locator('[data-backup-message]').waitFor();
      return shown;
    });
    expect(stoppedExport).toMatchObject({ phase: 'export', role: 'status' });
    expect(stoppedExport.text).toMatch(/^Writing the calls’ audio into the backup: \d+ %$/);
    expect(await panel.locator('[data-backup-message="ok"]').textContent()).toBe('Export stopped. No file was made.');
    expect(await progress.count()).toBe(0);
    expect(downloads).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-action="export-backup"]').click()]);
    const file = join(dir, 'long-call.voicedrill');
    await download.saveAs(file);
    await clearAllData(page);
    await page.getByTestId('profile-form').waitFor();
    await firstRun();
    await page.locator('[data-nav="settings"]').click();
    const stoppedImport = await slowly(async () => {
      await panel.locator('input[data-action="import-backup"]').setInputFiles(file);
      await progress.waitFor();
      const phase = await progress.getAttribute('data-phase');
      await progress.locator('[data-action="backup-stop"]').click();
      await panel.locator('[data-backup-message]').waitFor();
      return phase;
    });
    expect(['check', 'write']).toContain(stoppedImport);
    expect(await panel.locator('[data-backup-message="ok"]').textContent()).toBe('Import cancelled. Nothing was changed.');
    expect(await readStoredCalls(page)).toEqual({ calls: [], chunks: [] });
    expect(await callAudioDigests(page)).toEqual({});

    // Not stopped, the same file restores every call and its audio.
    await panel.locator('input[data-action="import-backup"]').setInputFiles(file);
    await panel.locator('[data-backup-message="ok"]').waitFor();
    expect(await readStoredCalls(page)).toEqual(stored);
    expect(await callAudioDigests(page)).toEqual(digests);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
