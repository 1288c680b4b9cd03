/**
 * The opening greeting of an imported call in the real app (issue 11 point 4): a planned stereo call whose
 * agent (left) opens with the e2e four-part greeting (tests/fixtures/synth/e2e-en-greeting4.wav, read with the
 * e2e profile's name and company) is imported by the file picker; the import panel shows the template it is
 * scored against (the profile's fill); the call page's "Opening greeting" section shows the practice scorecard
 * whose rows (status and value) are the greeting report stored on the call record (read from IndexedDB), the
 * printed summary's greeting line counts the same verdicts, "Play the greeting" (from the keyboard) plays the
 * greeting's span and stops at its end, "Practise this greeting" opens the drill; a call whose agent never
 * speaks says in one sentence that there is no greeting. Also in Chinese.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, t } from '../../src/i18n/index.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { decodeFixture } from '../helpers/fixtures.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';
import { encodeWav } from '../helpers/wav.ts';
import { E2E_PROFILES, unexpectedErrors, type AppPage } from './app-driver.ts';
import { openCallsScreen, readTables } from './call-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';

const IMPORT_TIMEOUT_MS = 60_000;
const FS = 16000;

interface StoredGreeting {
  drillId: string;
  script: string;
  startSec: number;
  endSec: number;
  report: { verdicts: { guideline: string; status: string; value: number | null }[] };
}

/** The e2e greeting (its 4 s lead-in trimmed) opening a 30 s call on the left channel, then the customer, then the agent again. */
async function greetingCallWav(): Promise<Buffer> {
  const fixture = await decodeFixture('synth/e2e-en-greeting4.wav', join(REPO_ROOT, 'tests/fixtures'));
  if (fixture.sampleRateHz !== FS) throw new Error('the e2e greeting is not at 16 kHz');
  const samples = fixture.channels[0].subarray(Math.round(3.7 * FS), fixture.channels[0].length - Math.round(2 * FS));
  const call = buildCall({
    sampleRateHz: FS, durationSec: 30, agentChannel: 'left', seed: 7,
    utterances: inSequence(0.8, [
      { speaker: 'agent', samples, syllables: 16, syllablesPerSec: 0, gapSec: 0 },
      { speaker: 'customer', syllables: 14, syllablesPerSec: 5, gapSec: 0.6 },
      { speaker: 'agent', syllables: 16, syllablesPerSec: 4, gapSec: 0.6 },
    ], FS),
  });
  return Buffer.from(encodeWav(call.input.channels, FS));
}

/** A 20 s call where only the customer (right) speaks: no agent turn, so no greeting. */
function silentAgentWav(): Buffer {
  const call = buildCall({
    sampleRateHz: 8000, durationSec: 20, agentChannel: 'left', seed: 3,
    utterances: inSequence(1, [
      { speaker: 'customer', syllables: 14, syllablesPerSec: 5, gapSec: 0 },
      { speaker: 'customer', syllables: 10, syllablesPerSec: 4, gapSec: 2 },
    ]),
  });
  return Buffer.from(encodeWav(call.input.channels, 8000));
}

describe.skipIf(!haveChromium)('an imported call’s opening greeting: scored like a drill, with the practice scorecard', () => {
  let session: Session;
  let app: AppPage;
  let callId = '';

  beforeAll(async () => {
    session = await launch();
    app = await openCallsScreen(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const greetingOf = async (id: string): Promise<StoredGreeting | null> => {
    const { calls } = await readTables(app.page, ['calls']);
    const call = (calls as { id: string; greeting?: StoredGreeting | null }[]).find((c) => c.id === id);
    if (!call) throw new Error(`call ${id} is not stored`);
    return call.greeting ?? null;
  };

  it('the import panel scores against the four-part greeting filled from the profile; the stored call keeps the greeting', { timeout: 120_000 }, async () => {
    const { page } = app;
    const { name, company } = E2E_PROFILES.en;
    const script = `Hello, ${company}, this is ${name}, how may I help you today?`;
    const choice = page.getByTestId('call-greeting-choice');
    expect(await choice.getAttribute('data-drill-id')).toBe('en-greeting4');
    expect(await page.getByTestId('call-greeting-script').textContent()).toBe(t('en', 'calls.greeting.script', { script }));
    // The profile has a name and company: no fields to type them.
    expect(await page.locator('input[name="greetingName"], input[name="greetingCompany"]').count()).toBe(0);
    // The three-part greeting names no company; switching back keeps the four-part one for the import.
    await page.locator('input[name="callGreeting"][value="greeting3"]').check();
    expect(await choice.getAttribute('data-drill-id')).toBe('en-greeting3');
    await page.locator('input[name="callGreeting"][value="greeting4"]').check();

    await page.locator('input[name="keepAudio"][value="audio"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'greeting-call.wav', mimeType: 'audio/wav', buffer: await greetingCallWav() });
    const done = page.locator('[data-import="done"]');
    await done.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    callId = (await done.getAttribute('data-call-id')) ?? '';
    const greeting = await greetingOf(callId);
    console.log(`stored greeting: ${greeting?.drillId} ${greeting?.startSec}–${greeting?.endSec} s, ${greeting?.report.verdicts.map((v) => `${v.guideline} ${v.status} ${v.value}`).join(', ')}`);
    expect(greeting?.drillId).toBe('en-greeting4');
    expect(greeting?.script).toBe(`Hello, *${company}*, this is ${name}, how may I *help* you today?`);
    // The greeting starts where the planned call's agent starts speaking (0.8 s plus what is left of the fixture's lead-in).
    expect(greeting?.startSec).toBeGreaterThan(0.8);
    expect(greeting?.startSec).toBeLessThan(1.6);
    expect(greeting?.report.verdicts.length).toBeGreaterThan(3);
  });

  it('the call page shows the scorecard with the stored greeting’s verdicts, and the summary counts them', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.locator('[data-import="done"] a').click();
    const section = page.getByTestId('call-greeting');
    await section.locator('[data-testid="scorecard"]').waitFor();
    const stored = (await greetingOf(callId)) as StoredGreeting;
    const rows = await section.locator('tr[data-guideline]').evaluateAll((trs) => trs.map((r) => ({
      guideline: r.getAttribute('data-guideline'), status: r.getAttribute('data-status'), value: r.getAttribute('data-value'),
    })));
    expect(rows).toEqual(stored.report.verdicts.map((v) => ({ guideline: v.guideline, status: v.status, value: v.value === null ? '' : formatNumber(v.value) })));
    expect(await section.locator('h3#call-greeting-title').textContent()).toBe(t('en', 'call.greeting.title'));
    expect(await section.locator('.comparison').count(), 'no "first take of this drill" on a call').toBe(0);
    // The page does not jump to the scorecard: the heading that has the focus is not the scorecard's.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).not.toBe('scorecard-title');

    const scored = stored.report.verdicts.filter((v) => v.guideline !== 'warmth' && v.status !== 'unmeasured');
    const line = page.getByTestId('call-summary-greeting');
    expect(Number(await line.getAttribute('data-good'))).toBe(scored.filter((v) => v.status === 'good').length);
    expect(Number(await line.getAttribute('data-total'))).toBe(scored.length);
    expect(await line.textContent()).toContain(t('en', 'call.greeting.title'));
    // The timeline marks the greeting's span on the agent's lane at the stored times (the whole call is in view).
    const mark = page.getByTestId('call-greeting-mark');
    expect([Number(await mark.getAttribute('data-start-sec')), Number(await mark.getAttribute('data-end-sec'))]).toEqual([stored.startSec, stored.endSec]);
    const [timeline, box] = [await page.getByTestId('call-timeline').boundingBox(), await mark.boundingBox()];
    const span = Number(await page.getByTestId('call-timeline').getAttribute('data-view-span-sec'));
    expect(box && timeline ? (box.x - timeline.x) / timeline.width * span : NaN).toBeCloseTo(stored.startSec, 0);
    expect(box && timeline ? box.width / timeline.width * span : NaN).toBeCloseTo(stored.endSec - stored.startSec, 0);
  });

  it('"Play the greeting" from the keyboard plays its span and stops at its end; "Practise this greeting" opens the drill', { timeout: 60_000 }, async () => {
    const { page } = app;
    const stored = (await greetingOf(callId)) as StoredGreeting;
    const play = page.locator('[data-action="play-greeting"]');
    await play.focus();
    await page.keyboard.press('Enter');
    const clock = page.getByTestId('call-clock');
    const playButton = page.locator('[data-action="play"]');
    await playButton.and(page.locator('[aria-pressed="true"]')).waitFor({ timeout: 5_000 });
    await playButton.and(page.locator('[aria-pressed="false"]')).waitFor({ timeout: 20_000 });
    const stoppedAt = Number(await clock.getAttribute('data-time-sec'));
    console.log(`greeting ${stored.startSec}–${stored.endSec} s; playback stopped at ${stoppedAt} s`);
    expect(stoppedAt).toBeGreaterThanOrEqual(stored.endSec - 0.05);
    expect(stoppedAt).toBeLessThan(stored.endSec + 0.6);

    const practise = page.locator('[data-action="practise-greeting"]');
    expect(await practise.getAttribute('href')).toBe('#/practice/en-greeting4');
    await practise.focus();
    await page.keyboard.press('Enter');
    await page.locator('.script[data-drill-id="en-greeting4"]').waitFor();
    expect(await page.locator('input[name="drill"][value="en-greeting4"]').isChecked()).toBe(true);
  });

  it('a call stored before greetings were scored offers to score it from its kept audio; the result is the greeting its import scored', { timeout: 120_000 }, async () => {
    const { page } = app;
    const original = (await greetingOf(callId)) as StoredGreeting;
    // The record as an older VoiceDrill stored it: no greeting field at all.
    await page.evaluate(async (id) => {
      type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
      type Store = { get(k: string): Req; put(v: unknown): Req };
      type Tx = { objectStore(n: string): Store; oncomplete: (() => void) | null; onerror: (() => void) | null; error: unknown };
      const open = (globalThis as unknown as { indexedDB: { open(n: string): Req } }).indexedDB.open('voicedrill');
      const db = await new Promise<{ transaction(n: string[], m: string): Tx; close(): void }>((resolve, reject) => { open.onsuccess = () => resolve(open.result as never); open.onerror = () => reject(open.error); });
      const tx = db.transaction(['calls'], 'readwrite');
      const calls = tx.objectStore('calls');
      const get = calls.get(id);
      get.onsuccess = () => {
        const { greeting: _g, ...old } = get.result as Record<string, unknown>;
        calls.put(old);
      };
      await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); });
      db.close();
    }, callId);
    await page.goto(`${page.url().split('#')[0]}#/call/${callId}`);
    await page.reload();
    const none = page.getByTestId('call-greeting-none');
    await none.waitFor();
    expect(await none.textContent()).toBe(t('en', 'call.greeting.notScored'));
    expect(await page.getByTestId('call-greeting-mark').count()).toBe(0);
    expect(await page.getByTestId('call-greeting-choice').getAttribute('data-drill-id')).toBe('en-greeting4');
    const score = page.locator('[data-action="score-greeting"]');
    await score.focus();
    await page.keyboard.press('Enter');
    const section = page.getByTestId('call-greeting');
    await section.locator('[data-testid="scorecard"]').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const rescored = (await greetingOf(callId)) as StoredGreeting;
    // The same audio, template and calibration: the same greeting as the import scored.
    expect(rescored).toEqual(original);
    await page.getByTestId('call-greeting-mark').waitFor();
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('a call whose agent never speaks says there is no greeting, in English and in Chinese', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.locator('[data-nav="calls"]').click();
    await page.getByTestId('call-file').setInputFiles({ name: 'customer-only.wav', mimeType: 'audio/wav', buffer: silentAgentWav() });
    const done = page.locator('[data-import="done"]', { hasText: 'customer-only.wav' });
    await done.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const id = (await done.getAttribute('data-call-id')) ?? '';
    expect(await greetingOf(id)).toBeNull();
    await done.locator('a').click();
    const none = page.getByTestId('call-greeting-none');
    expect(await none.textContent()).toBe(t('en', 'call.greeting.none'));
    expect(await page.getByTestId('call-summary-greeting').textContent()).toBe(t('en', 'call.greeting.none'));
    await page.getByTestId('ui-lang').selectOption('zh-CN');
    await page.locator('html[lang="zh-CN"]').waitFor();
    expect(await none.textContent()).toBe(t('zh-CN', 'call.greeting.none'));
    expect(await page.locator('#call-greeting-title').textContent()).toBe(t('zh-CN', 'call.greeting.title'));
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
