/**
 * The agent's side of a trainer pack in the browser: a pack file (written by src/packs as a trainer's export is) with a
 * drill whose rate band is the trainer's own, due two days ago, asking for 2 attempts, with notes, a slow-down span and
 * a model recording (the same WAV the fake microphone plays) is previewed and added, its model analysed in the worker.
 * The Assigned list shows it overdue with attempts 0/2; opening it shows the notes; a take recorded with the fake
 * microphone is scored against the trainer's rate band, compared with the model (the same reading: rate ratio ≈ 1,
 * melody difference < 1 st), and counted (1/2). Links of the same and of a newer version; broken file and link refused
 * with nothing lost; the results export downloads a zip ('PK'). Axe and overflow at 360 px, English and Chinese.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import { PACK_FORMAT, PACK_SCHEMA_VERSION, type PackJson } from '../../src/packs/types.ts';
import { packLinkUrl, parsePackJson, readResultsFile, writePackFile } from '../../src/packs/index.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, scorecardRows, switchCountInOff, unexpectedErrors, waitForScorecard, type AppPage } from './app-driver.ts';
import { baseUrl, haveChromium, launch, type Session } from './harness.ts';
import { axeViolations, englishRuns, sidewaysOverflow } from './ui-audit.ts';

const DRILL_ID = 'acme-greeting';
const PACK_ID = 'acme-onboarding';

// The trainer's pack (read back through the pack reader, as a trainer's export is): the English four-part greeting
// with a rate band of 100–130 wpm (default 120–160), 2 attempts, due two days ago, notes and a slow-down span.
function trainerPack(version: number, due: string): PackJson {
  const base = findBuiltInDrill('en-greeting4') as Drill;
  const parsed = parsePackJson({
    format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id: PACK_ID, version, title: 'Acme onboarding', author: 'Coach Li', createdAt: new Date().toISOString(),
    drills: [{
      drill: {
        id: DRILL_ID, version: 1, kind: base.kind, lang: 'en', title: { en: 'Acme greeting', 'zh-CN': 'Acme 问候' }, template: base.template,
        bands: { rate: { lowBelow: 90, goodMin: 100, goodMax: 130, highAbove: 135 } },
      },
      attemptsRequired: 2, dueDate: due, notes: 'Smile before you dial; slow down on the company name.', slowSpans: ['*{company}*'], hasModel: true,
    }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function localDay(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

describe.skipIf(!haveChromium)('an assigned pack on the agent’s practice screen', () => {
  let session: Session;
  let app: AppPage;
  let takeId = '';
  const due = localDay(new Date(Date.now() - 2 * 86_400_000));
  const pack = trainerPack(1, due);
  beforeAll(async () => {
    session = await launch({ micWav: E2E_WAVS.enGreeting4 });
    app = await openApp(session);
  });
  afterAll(async () => { await session?.close(); });

  it('previews a pack file, adds it, analyses its model and lists the drill overdue with attempts 0/2', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
    await switchCountInOff(page);
    await page.locator('[data-nav="practice"]').click();
    await page.locator('#practice-title').waitFor();
    // The model is the very reading the fake microphone plays: the comparison must find the same rate and melody.
    const bytes = writePackFile(pack, new Map([[DRILL_ID, new Uint8Array(readFileSync(E2E_WAVS.enGreeting4))]]));
    await page.getByTestId('import-pack-file').setInputFiles({ name: 'acme.vdpack', mimeType: 'application/zip', buffer: Buffer.from(bytes) });
    const preview = page.getByTestId('pack-preview');
    await preview.waitFor();
    const shown = (await preview.textContent()) ?? '';
    for (const part of ['“Acme onboarding” by Coach Li, version 1', 'Acme greeting', 'Language: English', 'Attempts required: 2', `Due: ${due}`,
      '100–130 wpm (default 120–160 wpm)', 'Includes a model recording', 'Notes: Smile before you dial; slow down on the company name.']) {
      expect(shown).toContain(part);
    }
    await page.getByTestId('pack-import-confirm').click();
    const result = page.getByTestId('assigned-list').getByTestId('pack-import-result');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 60_000 })
      .toBe('Added “Acme onboarding” version 1 with 1 drill. 1 model recording stored. Model recordings analysed: 1 of 1.');
    expect(await preview.count()).toBe(0);

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
    takeId = (await page.getByTestId('scorecard').getAttribute('data-take-id')) ?? '';
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

  it('opens a link of the same version (nothing changes) and of a newer one (drills replaced, model and takes kept), leaving #/practice in place of the link', async () => {
    const { page } = app;
    for (const [version, sentence] of [
      [1, 'You already have “Acme onboarding” version 1, so nothing changed.'],
      [2, 'Updated “Acme onboarding” from version 1 to 2 (1 drill); your takes stay with the version they were made on.'],
    ] as const) {
      await page.goto(packLinkUrl(`${baseUrl()}/`, trainerPack(version, due)));
      const preview = page.getByTestId('pack-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toContain(`version ${version}`);
      expect(await preview.textContent()).toContain('No model recording');
      await page.getByTestId('pack-import-confirm').click();
      await page.locator('#practice-title').waitFor();
      expect(page.url()).toMatch(/#\/practice$/);
      expect(await page.getByTestId('assigned-list').getByTestId('pack-import-result').textContent()).toBe(sentence);
    }
    // The link's entry was replaced: going back does not reopen the pack.
    await page.goBack();
    expect(page.url()).not.toMatch(/#\/pack\//);
    await page.goto(`${baseUrl()}/#/practice/${DRILL_ID}`);
    const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('attempts 1/2');
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

  it('exports the pack’s results as a zip', async () => {
    const { page } = app;
    await page.getByTestId('results-include-audio').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-results-${PACK_ID}`).click()]);
    expect(download.suggestedFilename()).toBe(`Alex-${PACK_ID}-results.vdresults`);
    const path = await download.path();
    const bytes = new Uint8Array(readFileSync(path));
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const read = readResultsFile(bytes);
    if (!read.ok) throw new Error(read.error);
    const { results, audio } = read.value;
    expect(results.agent.name).toBe('Alex');
    expect(results.agent.id).toMatch(/^agent-[a-z0-9-]+$/);
    expect(results.pack).toMatchObject({ id: PACK_ID, version: 2, title: 'Acme onboarding', author: 'Coach Li' });
    expect(results.takes.map((t) => t.takeId)).toEqual([takeId]);
    // Field by field against the take as the agent's IndexedDB holds it.
    const stored = await page.evaluate(async (id) => {
      type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
      type Db = { transaction(names: string[], mode: string): { objectStore(n: string): { get(key: unknown): Req } }; close(): void };
      const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB;
      const open = idb.open('voicedrill');
      const db = await new Promise<Db>((resolve, reject) => { open.onsuccess = () => resolve(open.result as Db); open.onerror = () => reject(open.error); });
      const get = db.transaction(['takes'], 'readonly').objectStore('takes').get(id);
      const take = await new Promise<unknown>((resolve, reject) => { get.onsuccess = () => resolve(get.result); get.onerror = () => reject(get.error); });
      db.close();
      return take as { createdAt: string; analysisVersion: string; drill: { id: string; version: number }; report: { verdicts: Array<{ guideline: string; value: number | null; unit: string; status: string }> } };
    }, takeId);
    const [t] = results.takes;
    expect(t).toMatchObject({ drillId: stored.drill.id, drillVersion: stored.drill.version, createdAt: stored.createdAt, analysisVersion: stored.analysisVersion, hasAudio: true });
    expect(t.verdicts).toEqual(stored.report.verdicts.map(({ guideline, value, unit, status }) => ({ guideline, value, unit, status })));
    expect(t.model?.rateRatio).toBeGreaterThan(0.9);
    expect(t.model?.rateRatio).toBeLessThan(1.1);
    expect(Buffer.from(audio.get(takeId)?.subarray(0, 4) ?? []).toString('latin1')).toBe('RIFF');
    expect(await page.getByTestId('results-export-status').textContent()).toBe(`Saved Alex-${PACK_ID}-results.vdresults with 1 take.`);
  });

  it('has no axe violation and nothing sideways at 360 px', async () => {
    const { page } = app;
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('speaks Chinese on the Chinese UI (the trainer’s own words aside), without axe violations or overflow', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('zh-CN');
    await expect.poll(async () => (await page.getByTestId(`assigned-drill-${DRILL_ID}`).textContent()) ?? '').toContain('次数 1/2');
    const userData = [`Alex-${PACK_ID}-results.vdresults`, 'Acme onboarding', 'Coach Li', 'Smile before you dial; slow down on the company name.', E2E_PROFILES.en.name, E2E_PROFILES.en.company];
    // The scorecard quotes the script's parts (the agent's English words, in quotes): not UI text.
    const english = (await englishRuns(page, userData)).filter((r) => !/ in ““/.test(r));
    expect(english).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
  });

  it('removes the pack in two steps (Keep it first), its takes staying in History', async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await page.getByTestId(`remove-pack-${PACK_ID}`).click();
    const ask = page.getByTestId(`remove-pack-ask-${PACK_ID}`);
    expect(await ask.textContent()).toContain('Remove “Acme onboarding” and its drills from your list? Your takes stay in History.');
    // The focus is on "Keep it": Enter keeps the pack.
    await page.keyboard.press('Enter');
    expect(await ask.count()).toBe(0);
    expect(await page.getByTestId(`assigned-drill-${DRILL_ID}`).count()).toBe(1);
    await page.getByTestId(`remove-pack-${PACK_ID}`).click();
    await page.locator('[data-action="remove-pack-confirm"]').click();
    await expect.poll(() => page.getByTestId(`assigned-drill-${DRILL_ID}`).count()).toBe(0);
    expect(await page.getByTestId('results-export-status').textContent()).toBe('Removed “Acme onboarding”; your takes of its drills are still in History.');
    const kept = await page.evaluate(async (id) => {
      type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
      type Db = { transaction(names: string[], mode: string): { objectStore(n: string): { get(key: unknown): Req; count(): Req } }; close(): void };
      const open = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB.open('voicedrill');
      const db = await new Promise<Db>((resolve, reject) => { open.onsuccess = () => resolve(open.result as Db); open.onerror = () => reject(open.error); });
      const tx = db.transaction(['takes', 'assignedPacks'], 'readonly');
      const take = tx.objectStore('takes').get(id);
      const packs = tx.objectStore('assignedPacks').count();
      const out = await new Promise<[boolean, number]>((resolve) => { packs.onsuccess = () => resolve([take.result !== undefined, packs.result as number]); });
      db.close();
      return out;
    }, takeId);
    expect(kept).toEqual([true, 0]);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
