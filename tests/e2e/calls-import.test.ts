/**
 * Recorded calls in the real app (Debian Chromium, production build): a planned stereo call imported by the
 * file picker and by a drop, with progress; the list shows its findings; a reload keeps it; delete removes its
 * record and its audio bytes (read from IndexedDB); a long import is cancelled; corrupt, truncated, empty,
 * non-audio and 3-channel files each give their message and change nothing saved; an MP3 (and an M4A where
 * this Chromium decodes AAC) goes through mediabunny and WebCodecs; a call whose audio does not fit (the
 * estimate, or a QuotaExceededError mid-write) is kept as analysis only, with a sentence saying so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { unexpectedErrors, type AppPage } from './app-driver.ts';
import { brokenFiles, callWav, dropFile, openCallsScreen, encodeWithFfmpeg, FFMPEG, longCallWav, plannedCall, progressTexts, readStoredCalls, readTables, scratchFiles, watchProgress } from './call-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

const IMPORT_TIMEOUT_MS = 60_000;

describe.skipIf(!haveChromium)('recorded calls: import, list, reload, delete, cancel, refusals', () => {
  let session: Session;
  let app: AppPage;
  const dir = mkdtempSync(join(tmpdir(), 'voicedrill-e2e-calls-'));
  const call16k = plannedCall(16000);
  const wav16k = callWav(call16k);
  const wav8k = callWav(plannedCall(8000));

  beforeAll(async () => {
    session = await launch();
    app = await openCallsScreen(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const done = (page: AppPage['page']) => page.locator('[data-import="done"]');

  it('imports a stereo call by the file picker, keeping its audio, with progress; the list shows its findings', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="audio"]').check();
    await watchProgress(page);
    await page.getByTestId('call-file').setInputFiles({ name: 'planned-call.wav', mimeType: 'audio/wav', buffer: wav16k });
    await done(page).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const texts = await progressTexts(page);
    console.log(`progress seen: ${JSON.stringify(texts)}`);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((x) => x.includes('planned-call.wav'))).toBe(true);

    const callId = await done(page).getAttribute('data-call-id');
    const item = page.locator(`li[data-call-id="${callId}"]`);
    await item.waitFor();
    const stored = await readStoredCalls(page);
    const record = stored.calls.find((c) => c.id === callId);
    // The planned dead air (4.5 s) and overtalk (1.5 s) are among the findings.
    expect(record).toMatchObject({ fileName: 'planned-call.wav', keepAudio: true, audioBytes: wav16k.length });
    expect(record!.findings).toBeGreaterThanOrEqual(2);
    expect(Number(await item.getAttribute('data-findings'))).toBe(record!.findings);
    expect(await item.locator('.call-findings').textContent()).toBe(t('en', 'calls.list.findings', { count: record!.findings }));
    const chunks = stored.chunks.filter((c) => c.callId === callId);
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, k) => k));
    expect(chunks.reduce((s, c) => s + c.bytes, 0)).toBe(wav16k.length);
    // The agent opens the call on the left, as chosen: no suggestion to switch.
    expect(await page.locator('[data-suggest-channel]').count()).toBe(0);
  });

  it('imports an 8 kHz call dropped on the screen, analysis only', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="analysis"]').check();
    const before = await readStoredCalls(page);
    await dropFile(page, 'dropped-call.wav', 'audio/wav', wav8k);
    await page.locator('[data-import="done"]', { hasText: 'dropped-call.wav' }).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const after = await readStoredCalls(page);
    const added = after.calls.filter((c) => !before.calls.some((b) => b.id === c.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ fileName: 'dropped-call.wav', keepAudio: false, audioBytes: 0 });
    expect(added[0].findings).toBeGreaterThanOrEqual(2);
    expect(after.chunks).toEqual(before.chunks);
  });

  it('keeps the calls over a reload, opens one, and deletes one with its audio bytes', { timeout: 120_000 }, async () => {
    const { page } = app;
    const before = await readStoredCalls(page);
    expect(before.calls).toHaveLength(2);
    await page.reload();
    await page.locator('#calls-title').waitFor();
    await page.locator('.calls li').nth(1).waitFor();
    expect(await page.locator('.calls li').count()).toBe(2);

    const kept = before.calls.find((c) => c.keepAudio)!;
    // Settings shows the calls and the bytes of their kept audio.
    const callUse = async (): Promise<[string | null, string | null]> => {
      await page.locator('[data-nav="settings"]').click();
      const line = page.locator('[data-call-count]');
      await line.waitFor();
      const result: [string | null, string | null] = [await line.getAttribute('data-call-count'), await line.getAttribute('data-call-audio-bytes')];
      await page.locator('[data-nav="calls"]').click();
      return result;
    };
    expect(await callUse()).toEqual(['2', String(kept.audioBytes)]);
    await page.locator(`li[data-call-id="${kept.id}"] .call-name`).click();
    // The call's page: its jump list holds every finding, and its audio is there to play.
    const flags = page.locator('[data-testid="call-flag-list"] [data-finding-id]');
    await page.getByTestId('call-page').waitFor();
    await flags.first().waitFor();
    expect(await flags.count()).toBe(kept.findings);
    await page.getByTestId('call-audio').waitFor({ state: 'attached' });
    await page.locator('[data-nav="calls"]').click();

    await page.locator(`li[data-call-id="${kept.id}"] [data-action="delete-call"]`).click();
    await page.locator('[data-notice="call-deleted"]').waitFor();
    await page.locator(`li[data-call-id="${kept.id}"]`).waitFor({ state: 'detached' });
    const after = await readStoredCalls(page);
    expect(after.calls.map((c) => c.id)).toEqual(before.calls.filter((c) => c.id !== kept.id).map((c) => c.id));
    expect(after.chunks.filter((c) => c.callId === kept.id)).toEqual([]);
    expect(after.chunks).toEqual([]);
    expect(await callUse()).toEqual(['1', '0']);
  });

  it('cancels a long import: the worker stops and nothing is saved; its scratch files go at the next import', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="audio"]').check();
    const path = join(dir, 'long-call.wav');
    writeFileSync(path, longCallWav(call16k, 20));
    const before = await readStoredCalls(page);
    await watchProgress(page);
    await page.getByTestId('call-file').setInputFiles(path);
    await page.locator('[data-testid="call-progress"]').waitFor();
    // Percent and time left while it reads, before it is cancelled.
    await page.locator('[data-testid="call-progress"] p', { hasText: /\d+ %.*left/ }).waitFor({ timeout: 60_000 }).catch(() => undefined);
    const texts = await progressTexts(page);
    console.log(`long import progress: ${JSON.stringify(texts.slice(0, 8))} … ${texts.length} texts`);
    expect(texts.some((x) => /long-call\.wav: \d+ %/.test(x))).toBe(true);
    expect(await page.locator('[data-testid="call-progress"] progress').count()).toBe(1);
    // Both channels' stored signal goes to scratch files as it is read (a 2 MiB page per 65.5 s of a channel).
    const PAGE_BYTES = 2 * 1024 * 1024;
    await expect.poll(async () => (await scratchFiles(page)).filter((f) => f.bytes >= PAGE_BYTES).length, { timeout: 30_000 }).toBe(2);
    await page.locator('[data-action="cancel-import"]').click();
    const cancelled = page.locator('[data-import="cancelled"]');
    await cancelled.waitFor();
    expect(await cancelled.textContent()).toBe(t('en', 'calls.cancelled', { file: 'long-call.wav' }));
    expect(await page.locator('[data-testid="call-progress"]').count()).toBe(0);
    expect(await readStoredCalls(page)).toEqual(before);
    // The stopped workers could not delete their files; the next import sweeps them and deletes its own.
    await page.locator('input[name="keepAudio"][value="analysis"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'after-cancel.wav', mimeType: 'audio/wav', buffer: wav8k });
    await done(page).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    expect(await scratchFiles(page)).toEqual([]);
  });

  it('gives corrupt, truncated, empty, non-audio and 3-channel files one message each and changes nothing', { timeout: 120_000 }, async () => {
    const { page } = app;
    const before = await readStoredCalls(page);
    const messages = { corrupt: 'calls.error.corrupt', truncated: 'calls.error.truncated', empty: 'calls.error.empty', notAudio: 'calls.error.notAudio', channels: 'calls.error.channels' } as const;
    for (const file of brokenFiles(wav8k)) {
      await page.getByTestId('call-file').setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
      const alert = page.locator(`[data-call-error][role="alert"]`, { hasText: file.name });
      await alert.waitFor({ timeout: IMPORT_TIMEOUT_MS });
      expect(await alert.getAttribute('data-call-error'), file.name).toBe(file.kind);
      expect(await alert.textContent()).toBe(t('en', messages[file.kind as keyof typeof messages], { file: file.name, channels: 3 }));
      expect(await readStoredCalls(page), file.name).toEqual(before);
    }
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it.skipIf(!FFMPEG)('imports an MP3 (and an M4A and a raw 8 kHz AAC where this Chromium decodes AAC) through mediabunny, and a Microsoft ADPCM WAV through the WAV reader, turns where planned', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="analysis"]').check();
    const wav44kCall = plannedCall(44100);
    const wav44k = callWav(wav44kCall);
    const encoded = [
      { name: 'planned-call.mp3', args: ['-c:a', 'libmp3lame', '-b:a', '128k'], mimeType: 'audio/mpeg', required: true },
      { name: 'planned-call.m4a', args: ['-c:a', 'aac', '-b:a', '128k'], mimeType: 'audio/mp4', required: false },
      // Raw ADTS at telephone rate: nothing says how much encoder priming leads it (128 ms at 8 kHz, were it left in).
      { name: 'planned-call-8k.aac', args: ['-ar', '8000', '-c:a', 'aac', '-b:a', '32k', '-f', 'adts'], mimeType: 'audio/aac', required: false },
      // What Windows-based call recorders write (ffmpeg's encoder; the reader matches SoX's decoder to 0 LSB: tests/media/adpcm.test.ts).
      { name: 'planned-call-ms-adpcm.wav', args: ['-c:a', 'adpcm_ms'], mimeType: 'audio/wav', required: true },
    ];
    for (const file of encoded) {
      const path = encodeWithFfmpeg(wav44k, dir, file.name, file.args);
      const before = await readStoredCalls(page);
      await page.getByTestId('call-file').setInputFiles(path);
      const outcome = page.locator(`[data-import="done"], [data-call-error]`, { hasText: file.name });
      await outcome.waitFor({ timeout: IMPORT_TIMEOUT_MS });
      const error = await outcome.getAttribute('data-call-error');
      if (error !== null && !file.required) {
        console.log(`${file.name}: not decoded by this Chromium (${error}): ${await outcome.textContent()}`);
        expect(error).toBe('codec');
        continue;
      }
      expect(error, `${file.name}: ${await outcome.textContent()}`).toBeNull();
      const added = (await readStoredCalls(page)).calls.filter((c) => !before.calls.some((b) => b.id === c.id));
      expect(added).toHaveLength(1);
      expect(added[0].fileName).toBe(file.name);
      expect(added[0].findings).toBeGreaterThanOrEqual(2);
      // The turns where they were planned: a constant lag (untrimmed priming) would move every start alike. Untrimmed,
      // the mp3's decoder and encoder delay put them 26 ms late and the m4a's edit-list priming 24 ms late.
      const { calls } = await readTables(page, ['calls']);
      const turns = (calls as { id: string; report: { turns: { startSec: number }[] } }[]).find((c) => c.id === added[0].id)!.report.turns;
      const planned = wav44kCall.turns;
      expect(turns).toHaveLength(planned.length);
      const meanLagSec = turns.reduce((sum, t, k) => sum + t.startSec - planned[k].startSec, 0) / turns.length;
      console.log(`${file.name}: ${added[0].findings} findings, turn starts ${(1000 * meanLagSec).toFixed(0)} ms off the plan on average`);
      expect(Math.abs(meanLagSec)).toBeLessThan(0.01);
    }
    expect(unexpectedErrors(app)).toEqual([]);
  });
  it('offers the other channel when it opens the call, and analysing again with it replaces the call', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="analysis"]').check();
    await page.locator('input[name="agentChannel"][value="right"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'wrong-side.wav', mimeType: 'audio/wav', buffer: wav8k });
    const first = page.locator('[data-import="done"]', { hasText: 'wrong-side.wav' });
    await first.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const wrongId = await first.getAttribute('data-call-id');
    const suggestion = page.locator('[data-suggest-channel="left"]');
    await suggestion.waitFor();
    await suggestion.locator('[data-action="use-other-channel"]').click();
    await page.locator(`[data-import="done"]:not([data-call-id="${wrongId}"])`).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    expect(await page.locator('[data-suggest-channel]').count()).toBe(0);
    expect(await page.locator('input[name="agentChannel"][value="left"]').isChecked()).toBe(true);
    const stored = await readStoredCalls(page);
    expect(stored.calls.filter((c) => c.fileName === 'wrong-side.wav')).toHaveLength(1);
    expect(stored.calls.some((c) => c.id === wrongId)).toBe(false);
    expect(unexpectedErrors(app)).toEqual([]);
  });
  it('keeps the analysis only, and says so in one sentence, when the audio would not fit or the disk fills up', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="audio"]').check();
    // 1: the browser's estimate leaves no room for the file.
    await page.evaluate(() => {
      const nav = (globalThis as unknown as { navigator: { storage: { estimate: () => Promise<unknown> } } }).navigator;
      Object.defineProperty(nav.storage, 'estimate', { configurable: true, value: async () => ({ usage: 1_000_000, quota: 1_500_000 }) });
    });
    const before = await readStoredCalls(page);
    await page.getByTestId('call-file').setInputFiles({ name: 'no-room.wav', mimeType: 'audio/wav', buffer: wav8k });
    const notice = page.locator('[data-import="done"]', { hasText: 'no-room.wav' }).locator('[data-audio-not-kept="quota"]');
    await notice.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    expect(await notice.textContent()).toBe(t('en', 'calls.audioNotKept', { file: 'no-room.wav' }));
    let after = await readStoredCalls(page);
    expect(after.calls.find((c) => c.fileName === 'no-room.wav')).toMatchObject({ keepAudio: false, audioBytes: 0 });
    expect(after.chunks).toEqual(before.chunks);

    // 2: room by the estimate, but the second chunk's write throws the browser's QuotaExceededError.
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        navigator: { storage: object }; IDBObjectStore: { prototype: { name: string; put: (...a: unknown[]) => unknown } };
        DOMException: new (m: string, n: string) => Error;
      };
      delete (g.navigator.storage as { estimate?: unknown }).estimate;
      const proto = g.IDBObjectStore.prototype;
      const put = proto.put;
      let chunks = 0;
      proto.put = function (this: { name: string }, ...args: unknown[]) {
        if (this.name === 'callAudio' && ++chunks > 1) throw new g.DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    // 3 minutes of 8 kHz stereo 16-bit ≈ 5.8 MB: two 4 MB chunks.
    const big = longCallWav(plannedCall(8000), 3);
    await page.getByTestId('call-file').setInputFiles({ name: 'disk-full.wav', mimeType: 'audio/wav', buffer: big });
    const full = page.locator('[data-import="done"]', { hasText: 'disk-full.wav' }).locator('[data-audio-not-kept="quota"]');
    await full.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    after = await readStoredCalls(page);
    expect(after.calls.find((c) => c.fileName === 'disk-full.wav')).toMatchObject({ keepAudio: false, audioBytes: 0 });
    expect(after.chunks).toEqual(before.chunks);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
