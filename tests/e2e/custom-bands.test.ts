/**
 * A drill's own bands decide its verdicts in the app: a take of a drill whose pace band is 20–30 wpm
 * (a trainer's drill, kept as the take's drill snapshot) is scored "too fast" at ≈ 140 wpm, and the
 * scorecard shows the drill's target, not the default 120–160 wpm. The take reaches the app the way an
 * interrupted take does (stored while recording, then recovered), so no screen needs a drill editor.
 */
import { basename, dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { floatToInt16 } from '../../src/storage/index.ts';
import { decodeFixture } from '../helpers/fixtures.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, scorecardRows, unexpectedErrors, waitForScorecard } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

describe.skipIf(!haveChromium)('a drill with its own bands', () => {
  let session: Session | null = null;
  afterAll(async () => session?.close());

  it('is scored against them: the scorecard shows the drill’s target and its verdict', async () => {
    session = await launch();
    const app = await openApp(session);
    const { page } = app;
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });

    const base = findBuiltInDrill('en-greeting4') as Drill;
    const drill: Drill = {
      ...base, id: 'trainer-slow-greeting', builtIn: false, title: { 'zh-CN': '慢速问候', en: 'Slow greeting' },
      bands: { ...base.bands, rate: { lowBelow: 15, goodMin: 20, goodMax: 30, highAbove: 35, unit: 'wpm' } },
    };
    const script = renderDrill(drill, E2E_PROFILES.en).script;
    const { channels, sampleRateHz } = await decodeFixture(basename(E2E_WAVS.enGreeting4), dirname(E2E_WAVS.enGreeting4));
    const pcm = floatToInt16(channels[0]);
    const chunks: number[][] = [];
    for (let i = 0; i < pcm.length; i += sampleRateHz) chunks.push(Array.from(pcm.subarray(i, i + sampleRateHz)));
    const take = {
      schemaVersion: 1, id: 'take-custom-bands', drillId: drill.id, drill, script, createdAt: new Date().toISOString(),
      status: 'recording', sampleRateHz, durationSec: null, report: null, analysisVersion: null, name: null, failure: null,
    };
    // Stored as the recorder stores a take while recording: the record, then ≈ 1 s chunks of Int16 PCM.
    await page.evaluate(async ([record, rows]) => {
      type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
      type Tx = { objectStore(n: string): { put(row: unknown): Req }; oncomplete: (() => void) | null; onerror: (() => void) | null; error: unknown };
      type Db = { transaction(names: string[], mode: string): Tx; close(): void };
      const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB;
      const open = idb.open('voicedrill');
      const db = await new Promise<Db>((resolve, reject) => { open.onsuccess = () => resolve(open.result as Db); open.onerror = () => reject(open.error); });
      const tx = db.transaction(['takes', 'audioChunks'], 'readwrite');
      tx.objectStore('takes').put(record);
      (rows as number[][]).forEach((row, seq) => tx.objectStore('audioChunks').put({ takeId: (record as { id: string }).id, seq, pcm: Int16Array.from(row) }));
      await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); });
      db.close();
    }, [take, chunks] as const);

    await page.reload();
    const banner = page.getByTestId('recovery');
    await banner.waitFor();
    await banner.locator('[data-action="recover-analyse"]').first().click();
    await waitForScorecard(page);

    const rows = await scorecardRows(page);
    const rate = rows.find((r) => r.guideline === 'rate');
    console.log(`custom-band rate row: ${JSON.stringify(rate)}`);
    // ≈ 138 wpm: "good" against the default 120–160 wpm, "high" against the drill's 20–30 wpm.
    expect(Number(rate?.value)).toBeGreaterThan(100);
    expect(rate?.status).toBe('high');
    const target = (await page.locator('tr[data-guideline="rate"] td').nth(1).textContent()) ?? '';
    expect(target).toMatch(/20/);
    expect(target).toMatch(/30/);
    expect(target).not.toMatch(/120|160/);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
