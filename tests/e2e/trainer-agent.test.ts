/**
 * Issue 12 end to end, with two separate browser profiles and no server: the trainer (trainer mode) writes a drill
 * with a custom pace band and key words, imports a model recording, exports the pack → the agent imports the pack
 * FILE, completes the drill twice with the fake microphone (one browser launch per take, the same profile), sees the
 * trainer's band on the scorecard and the comparison with the model, exports a results file → the trainer imports
 * it: the roster's cell and drill-down hold the agent's stored values exactly (field by field against the agent's
 * IndexedDB) and the comparison with the model take; importing it again changes nothing. Separately, a second agent
 * opens the pack LINK and gets the same drill with the same band and notes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import { readPackFile, readResultsFile, type ResultsJson } from '../../src/packs/index.ts';
import { completeFirstRun, E2E_PROFILES, E2E_WAVS, openApp, scorecardRows, switchCountInOff, unexpectedErrors, waitForScorecard, type AppPage } from './app-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

const PACK_TITLE = 'Bluebird onboarding';
const PACK_ID = 'bluebird-onboarding';
const DRILL_TITLE = 'Bluebird greeting';
const DRILL_ID = 'bluebird-greeting';
const NOTES = 'Smile before you dial; stress the company name.';
const TEMPLATE = (findBuiltInDrill('en-greeting4') as Drill).template;

interface StoredTake {
  id: string;
  createdAt: string;
  analysisVersion: string;
  drill: { id: string; version: number };
  report: { verdicts: Array<{ guideline: string; value: number | null; unit: string; status: string }> };
}

async function storedTakes(page: Page): Promise<StoredTake[]> {
  return page.evaluate(async () => {
    type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
    type Db = { transaction(names: string[], mode: string): { objectStore(n: string): { getAll(): Req } }; close(): void };
    const open = (globalThis as unknown as { indexedDB: { open(name: string): Req } }).indexedDB.open('voicedrill');
    const db = await new Promise<Db>((resolve, reject) => { open.onsuccess = () => resolve(open.result as Db); open.onerror = () => reject(open.error); });
    const all = db.transaction(['takes'], 'readonly').objectStore('takes').getAll();
    const takes = await new Promise<unknown>((resolve, reject) => { all.onsuccess = () => resolve(all.result); all.onerror = () => reject(all.error); });
    db.close();
    return takes as StoredTake[];
  });
}

async function fill(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
}

describe.skipIf(!haveChromium)('trainer → agent → trainer, with files and a link', () => {
  const dir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-trainer-agent-')) : '';
  const agentDir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-agent-')) : '';
  const trainerDir = haveChromium ? mkdtempSync(join(tmpdir(), 'voicedrill-e2e-trainer-')) : '';
  const sessions: Session[] = [];
  let packPath = '';
  let link = '';
  let resultsPath = '';
  let agentTakes: StoredTake[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    for (const d of [dir, agentDir, trainerDir]) rmSync(d, { recursive: true, force: true });
  });

  async function start(options: Parameters<typeof launch>[0]): Promise<AppPage> {
    const session = await launch(options);
    sessions.push(session);
    return openApp(session);
  }

  it('the trainer writes a drill with a custom pace band and key words, imports a model recording and exports the pack', { timeout: 180_000 }, async () => {
    const app = await start({ userDataDir: trainerDir });
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { name: 'Coach Kim', company: 'Bluebird Telecom', scriptLang: 'en' });
    await page.locator('[data-nav="settings"]').click();
    await page.getByTestId('trainer-mode').check();
    await page.locator('[data-nav="trainer"]').click();
    await page.locator('#trainer-title').waitFor();
    await page.getByTestId('new-pack').click();
    await fill(page, 'pack-title', PACK_TITLE);
    await page.getByTestId('save-pack').click();
    await expect.poll(() => page.getByTestId('pack-id').inputValue()).toBe(PACK_ID);

    await page.getByTestId('add-drill').click();
    await fill(page, 'drill-title-en', DRILL_TITLE);
    await fill(page, 'drill-title-zh', '蓝鸟问候');
    await page.getByTestId('drill-lang').selectOption('en');
    await page.getByTestId('drill-kind').selectOption('greeting4');
    await fill(page, 'drill-template', TEMPLATE);
    await fill(page, 'band-rate-min', '100');
    await fill(page, 'band-rate-max', '125');
    await fill(page, 'drill-attempts', '2');
    await fill(page, 'drill-notes', NOTES);
    await page.getByTestId('save-drill').click();
    await page.getByText('Drill saved.').waitFor();
    expect(await page.getByTestId('drill-id').inputValue()).toBe(DRILL_ID);

    // The model: the same greeting read slower and lower (a different reading from the agent's).
    await page.getByTestId('model-import').setInputFiles(E2E_WAVS.enGreeting4Low);
    await expect.poll(() => page.getByTestId('model-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pack-file').click()]);
    packPath = join(dir, download.suggestedFilename());
    await download.saveAs(packPath);
    await expect.poll(() => page.getByTestId('pack-link').inputValue()).toContain('#/pack/');
    link = await page.getByTestId('pack-link').inputValue();
    const read = readPackFile(new Uint8Array(readFileSync(packPath)));
    if (!read.ok) throw new Error(read.error);
    const [assigned] = read.value.pack.drills;
    expect(read.value.pack).toMatchObject({ id: PACK_ID, title: PACK_TITLE, author: 'Coach Kim' });
    expect(assigned.drill.bands.rate).toMatchObject({ goodMin: 100, goodMax: 125 });
    expect(assigned.drill.template).toBe(TEMPLATE);
    expect(assigned).toMatchObject({ attemptsRequired: 2, notes: NOTES, hasModel: true });
    expect(read.value.models.has(DRILL_ID)).toBe(true);
    console.log(`pack file ${readFileSync(packPath).length} bytes; link ${link.length} characters`);
    expect(unexpectedErrors(app)).toEqual([]);
    await sessions.pop()?.close();
  });

  it('the agent imports the pack file and completes the drill twice with the fake microphone, scored against the trainer’s band and compared with the model', { timeout: 300_000 }, async () => {
    for (const [i, wav] of [E2E_WAVS.enGreeting4, E2E_WAVS.enGreeting4Fast].entries()) {
      const app = await start({ userDataDir: agentDir, micWav: wav });
      const { page } = app;
      if (i === 0) {
        await page.getByTestId('ui-lang').selectOption('en');
        await completeFirstRun(page, { ...E2E_PROFILES.en, scriptLang: 'en' });
        await switchCountInOff(page);
        await page.locator('[data-nav="practice"]').click();
        await page.locator('#practice-title').waitFor();
        await page.getByTestId('import-pack-file').setInputFiles(packPath);
        await page.getByTestId('pack-preview').waitFor();
        expect(await page.getByTestId('pack-preview').textContent()).toContain('100–125 wpm');
        await page.getByTestId('pack-import-confirm').click();
        await expect.poll(async () => (await page.getByTestId('assigned-list').getByTestId('pack-import-result').textContent()) ?? '', { timeout: 60_000 })
          .toContain('Model recordings analysed: 1 of 1');
      }
      const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
      await item.waitFor();
      expect(await item.textContent()).toContain(`attempts ${i}/2`);
      await item.locator('a').click();
      await page.locator(`.script[data-drill-id="${DRILL_ID}"]`).waitFor();
      expect(await page.getByTestId('drill-notes-view').textContent()).toContain(NOTES);
      await page.locator('[data-action="start"]').click();
      await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
      await waitForScorecard(page, 90_000);
      const rate = (await scorecardRows(page)).find((r) => r.guideline === 'rate');
      console.log(`take ${i + 1}: rate ${JSON.stringify(rate)}`);
      const target = (await page.locator('tr[data-guideline="rate"] td').nth(1).textContent()) ?? '';
      expect(target).toMatch(/100/);
      expect(target).toMatch(/125/);
      expect(target).not.toMatch(/120|160/);
      const model = page.getByTestId('model-comparison');
      await model.waitFor();
      console.log(`take ${i + 1}: ${await model.textContent()}`);
      expect(Number(await model.getAttribute('data-rate-ratio'))).toBeGreaterThan(0.5);
      await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 10_000 }).toContain(`attempts ${i + 1}/2`);
      expect(unexpectedErrors(app)).toEqual([]);
      if (i === 1) {
        expect(await item.getAttribute('data-complete')).toBe('true');
        agentTakes = (await storedTakes(page)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        expect(agentTakes.map((t) => t.drill.id)).toEqual([DRILL_ID, DRILL_ID]);
        await page.getByTestId('results-include-audio').check();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-results-${PACK_ID}`).click()]);
        resultsPath = join(dir, download.suggestedFilename());
        await download.saveAs(resultsPath);
      }
      await sessions.pop()?.close();
    }
  });

  it('a second agent opens the pack link: the same drill, band and notes, no model', { timeout: 120_000 }, async () => {
    const app = await start({});
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await completeFirstRun(page, { name: 'Sam', company: 'Bluebird Telecom', scriptLang: 'en' });
    await page.goto(link);
    const preview = page.getByTestId('pack-preview');
    await preview.waitFor();
    const shown = (await preview.textContent()) ?? '';
    for (const part of [PACK_TITLE, 'Coach Kim', DRILL_TITLE, '100–125 wpm', 'Attempts required: 2', 'No model recording']) expect(shown).toContain(part);
    await page.getByTestId('pack-import-confirm').click();
    await page.locator('#practice-title').waitFor();
    const item = page.getByTestId(`assigned-drill-${DRILL_ID}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('attempts 0/2');
    await item.locator('a').click();
    expect(await page.getByTestId('drill-notes-view').textContent()).toContain(NOTES);
    expect(unexpectedErrors(app)).toEqual([]);
    await sessions.pop()?.close();
  });

  it('the trainer imports the results: the roster holds the agent’s stored values exactly and the comparison with the model; a second import changes nothing', { timeout: 120_000 }, async () => {
    const read = readResultsFile(new Uint8Array(readFileSync(resultsPath)));
    if (!read.ok) throw new Error(read.error);
    const results: ResultsJson = read.value.results;
    expect(results.takes.map((t) => t.takeId)).toEqual(agentTakes.map((t) => t.id));
    const app = await start({ userDataDir: trainerDir });
    const { page } = app;
    await page.locator('[data-nav="roster"]').click();
    await page.locator('#roster-title').waitFor();
    await page.getByTestId('import-results').setInputFiles(resultsPath);
    await page.locator('[data-testid="roster-import-result"]').waitFor();
    expect(await page.getByTestId('roster-import-result').innerText()).toBe('1 file read: 2 new takes, 0 already here');
    const row = page.getByTestId(`roster-row-${results.agent.id}-${DRILL_ID}`);
    await row.waitFor();
    expect((await row.locator('[data-field="attempts"]').innerText()).trim()).toBe('2/2');
    expect((await row.locator('[data-field="complete"]').innerText()).trim()).toBe('Complete');
    // The latest value per guideline is the agent's second take's, as stored.
    const latest = agentTakes[1].report.verdicts;
    for (const v of latest) {
      const cell = row.locator(`[data-guideline="${v.guideline}"] [data-kind="latest"] .roster-verdict`);
      if (await cell.count() === 0) continue;
      expect([await cell.getAttribute('data-value'), await cell.getAttribute('data-status')]).toEqual([v.value === null ? '' : String(v.value), v.status]);
    }
    // The drill-down: every take's every guideline value and status, field by field against the agent's IndexedDB.
    await row.locator('button[data-action="open-takes"]').click();
    const takes = page.getByTestId('roster-takes');
    await takes.locator('li[data-take-id]').first().waitFor();
    expect(await takes.locator('li[data-take-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-take-id')))).toEqual(agentTakes.map((t) => t.id));
    for (const take of agentTakes) {
      const shown = await takes.locator(`li[data-take-id="${take.id}"] tr[data-guideline]`).evaluateAll((trs) => trs.map((tr) => {
        const v = tr.querySelector('.roster-verdict');
        return { guideline: tr.getAttribute('data-guideline'), value: v?.getAttribute('data-value') ?? null, status: v?.getAttribute('data-status') ?? null };
      }));
      expect(shown).toEqual(take.report.verdicts.map((v) => ({ guideline: v.guideline, value: v.value === null ? '' : String(v.value), status: v.status })));
      const model = results.takes.find((t) => t.takeId === take.id)?.model;
      expect(model?.rateRatio).toBeGreaterThan(0.5);
      const modelText = await takes.locator(`li[data-take-id="${take.id}"] [data-rate-ratio]`).innerText();
      console.log(`roster model comparison of ${take.id}: ${modelText}`);
      expect(modelText).toContain('Pace ÷ model');
      await takes.locator(`audio[data-take-audio="${take.id}"]`).waitFor();
    }
    await page.getByTestId('import-results').setInputFiles(resultsPath);
    await page.locator('[data-testid="roster-import-result"][data-already-present="2"]').waitFor();
    expect(await page.getByTestId('roster-import-result').innerText()).toBe('1 file read: 0 new takes, 2 already here');
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
