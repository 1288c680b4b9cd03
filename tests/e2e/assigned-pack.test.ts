/**
 * The agent's side of a trainer pack in the browser: a pack assigned to the agent (seeded into IndexedDB as an import
 * stores it: the pack readers are built in another branch) with a drill whose rate band is the trainer's own, due two
 * days ago, asking for 2 attempts, with notes and a model recording (its report from the CLI on the same WAV the fake
 * microphone plays). The Assigned list shows it overdue with attempts 0/2; opening it shows the notes; a take recorded
 * with the fake microphone is scored against the trainer's rate band, compared with the model (the same reading: rate
 * ratio ≈ 1, melody difference < 1 st), and counted (1/2). The results export downloads a zip ('PK') when the results
 * writer is built (skipped, and said so, while src/packs/results-file.ts is still a stub). Axe and overflow at 360 px.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltInDrill, parseDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { PACK_FORMAT, PACK_SCHEMA_VERSION, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, type PackJson } from '../../src/packs/types.ts';
import { writeResultsFile } from '../../src/packs/results-file.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, scorecardRows, switchCountInOff, unexpectedErrors, waitForScorecard, type AppPage } from './app-driver.ts';
import { cliReport } from './cli-compare.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { axeViolations, englishRuns, sidewaysOverflow } from './ui-audit.ts';

const DRILL_ID = 'acme-greeting';
const PACK_ID = 'acme-onboarding';

// The trainer's drill: the English four-part greeting with a rate band of 100–130 wpm (default 120–160).
function trainerDrill(): Drill {
  const base = findBuiltInDrill('en-greeting4') as Drill;
  const parsed = parseDrill({
    id: DRILL_ID, version: 1, kind: base.kind, lang: 'en', title: { en: 'Acme greeting', 'zh-CN': 'Acme 问候' }, template: base.template,
    bands: { rate: { lowBelow: 90, goodMin: 100, goodMax: 130, highAbove: 135 } },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
}

function localDay(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// Whether src/packs can write a results file yet (a stub throws "… not built yet.").
function resultsWriterBuilt(): boolean {
  try {
    writeResultsFile({ format: RESULTS_FORMAT, schemaVersion: RESULTS_SCHEMA_VERSION, agent: { id: 'a', name: 'a' }, pack: { id: 'p', version: 1, title: 't', author: 'a', drills: [] }, exportedAt: new Date().toISOString(), takes: [] }, new Map());
    return true;
  } catch (e) {
    return !(e instanceof Error && /not built yet/.test(e.message));
  }
}

describe.skipIf(!haveChromium)('an assigned pack on the agent’s practice screen', () => {
  let session: Session;
  let app: AppPage;
  const drill = trainerDrill();
  const due = localDay(new Date(Date.now() - 2 * 86_400_000));
  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.enGreeting4 });
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('lists the assigned drill with its due date, attempts 0/2 and overdue in words', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await switchCountInOff(page);
    const pack: PackJson = {
      format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id: PACK_ID, version: 1, title: 'Acme onboarding', author: 'Coach Li', createdAt: new Date().toISOString(),
      drills: [{ drill, attemptsRequired: 2, dueDate: due, notes: 'Smile before you dial; slow down on the company name.', slowSpans: ['*{company}*'], hasModel: true }],
    };
    const { file: _file, ...model } = await cliReport(E2E_WAVS.enGreeting4, 'en', renderDrill(drill, E2E_PROFILES.en).script);
    const wav = Array.from(readFileSync(E2E_WAVS.enGreeting4).subarray(0, 64));
    // Stored as an import stores it: the pack record and its model recording (analysed) in the v6 tables.
    await page.evaluate(async ([record, modelRecord]) => {
      type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
      type Tx = { objectStore(n: string): { put(row: unknown): Req }; oncomplete: (() => void) | null; onerror: (() => void) | null; error: unknown };
      type Db = { transaction(names: string[], mode: string): Tx; close(): void };
      const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB;
      const open = idb.open('voicedrill');
      const db = await new Promise<Db>((resolve, reject) => { open.onsuccess = () => resolve(open.result as Db); open.onerror = () => reject(open.error); });
      const tx = db.transaction(['assignedPacks', 'packModels'], 'readwrite');
      tx.objectStore('assignedPacks').put(record);
      const m = modelRecord as { wav: number[] };
      tx.objectStore('packModels').put({ ...m, wav: Uint8Array.from(m.wav) });
      await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); });
      db.close();
    }, [
      { schemaVersion: 1, id: PACK_ID, version: 1, pack, source: 'file', importedAt: Date.now() },
      { schemaVersion: 1, owner: 'assigned', packId: PACK_ID, drillId: DRILL_ID, drillVersion: 1, wav, report: model },
    ] as const);
    await page.goto(page.url().replace(/#.*$/, '#/practice'));
    await page.reload();

    const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Acme greeting');
    expect(text).toContain(`Due ${due}`);
    expect(text).toContain('attempts 0/2');
    expect(text).toContain('Overdue');
    expect(await item.getAttribute('data-overdue')).toBe('true');
    expect(await page.getByTestId('assigned-list').textContent()).toContain('Acme onboarding');
  });

  it('opens the drill by keyboard with the trainer’s notes and the slow-down cue', async () => {
    const { page } = app;
    await page.getByTestId(`assigned-drill-${DRILL_ID}`).locator('a').focus();
    await page.keyboard.press('Enter');
    await page.locator(`.script[data-drill-id="${DRILL_ID}"]`).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/practice/${DRILL_ID}$`));
    expect(await page.getByTestId('drill-notes-view').textContent()).toContain('Smile before you dial; slow down on the company name.');
    expect(await page.locator('.script .slow-span').first().textContent()).toContain('Bluebird Telecom');
  });

  it('scores a take against the trainer’s rate band, compares it with the model and counts it', async () => {
    const { page } = app;
    await page.locator('[data-action="start"]').click();
    await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
    await waitForScorecard(page);
    const rate = (await scorecardRows(page)).find((r) => r.guideline === 'rate');
    console.log(`assigned drill rate row: ${JSON.stringify(rate)}`);
    // ≈ 138 wpm: "good" against the default 120–160 wpm, above the trainer's 100–130 wpm.
    expect(['borderline', 'high']).toContain(rate?.status);
    const target = (await page.locator('tr[data-guideline="rate"] td').nth(1).textContent()) ?? '';
    expect(target).toMatch(/100/);
    expect(target).toMatch(/130/);
    expect(target).not.toMatch(/120|160/);

    const model = page.getByTestId('model-comparison');
    await model.waitFor();
    const rateRatio = Number(await model.getAttribute('data-rate-ratio'));
    const distance = Number(await model.getAttribute('data-contour-distance-st'));
    console.log(`model comparison: ${await model.textContent()}`);
    expect(rateRatio).toBeGreaterThan(0.9);
    expect(rateRatio).toBeLessThan(1.1);
    expect(await model.getAttribute('data-contour-distance-st')).not.toBe('');
    expect(distance).toBeLessThan(1);

    const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 10_000 }).toContain('attempts 1/2');
    expect(await item.getAttribute('data-complete')).toBe('false');
  });

  it('refuses a broken pack file and a broken link in one sentence, keeping the assigned pack', async () => {
    const { page } = app;
    await page.getByTestId('import-pack-file').setInputFiles({ name: 'broken.vdpack', mimeType: 'application/zip', buffer: Buffer.from('PK not really a zip') });
    const result = page.getByTestId('assigned-list').getByTestId('pack-import-result');
    await expect.poll(async () => (await result.textContent()) ?? '').toMatch(/^The pack could not be read: [^\n]+$/);
    expect(await page.getByTestId('pack-preview').count()).toBe(0);

    await page.goto(page.url().replace(/#.*$/, '#/pack/not-a-pack-payload'));
    const linkResult = page.locator('.pack-link').getByTestId('pack-import-result');
    await expect.poll(async () => (await linkResult.textContent()) ?? '').toMatch(/^The pack could not be read: /);
    await page.locator('.pack-link a[href="#/practice"]').click();
    await page.locator('#practice-title').waitFor();
    expect(page.url()).toMatch(/#\/practice$/);
    const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('attempts 1/2');
  });

  it.skipIf(!resultsWriterBuilt())('exports the pack’s results as a zip', async () => {
    const { page } = app;
    await page.getByTestId('results-include-audio').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-results-${PACK_ID}`).click()]);
    expect(download.suggestedFilename()).toBe(`Alex-${PACK_ID}-results.vdresults`);
    const path = await download.path();
    const head = readFileSync(path).subarray(0, 2).toString('latin1');
    expect(head).toBe('PK');
  });

  it('has no axe violation and nothing sideways at 360 px', async () => {
    const { page } = app;
    if (!resultsWriterBuilt()) console.log('results export not checked: src/packs/results-file.ts writeResultsFile is still a stub on this branch');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('speaks Chinese on the Chinese UI (the trainer’s own words aside), without axe violations or overflow', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('zh-CN');
    await expect.poll(async () => (await page.getByTestId(`assigned-drill-${DRILL_ID}`).textContent()) ?? '').toContain('次数 1/2');
    const userData = ['Acme onboarding', 'Coach Li', 'Smile before you dial; slow down on the company name.', E2E_PROFILES.en.name, E2E_PROFILES.en.company];
    // The scorecard quotes the script's parts (the agent's English words, in quotes): not UI text.
    const english = (await englishRuns(page, userData)).filter((r) => !/ in ““/.test(r));
    expect(english).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
  });
});
