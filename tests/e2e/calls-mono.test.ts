/**
 * A mono call in the real app (Debian Chromium, production build): two real voices (Keele f3 and m4, as the
 * CLI's mono test) mixed on one channel, imported keeping the audio. "Which voice is you?" offers each voice's
 * sample and "This is me": choosing the other voice re-analyses the call under the same id and the stored
 * record's agent and customer turns swap. On the call's page one turn is marked "this was me": the stored
 * corrections and report change, a bookmark made before is kept, and a reload keeps it all. The new state
 * passes axe, has no sideways scroll at 360 px and no English on the Chinese UI; the buttons work from the keyboard.
 * Kept as analysis only, the voice is still chosen right after the import (the file is in memory), and the
 * call's page then says in one sentence that correcting needs the audio.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.ts';
import { attribution, loadPhrases, MONO_FS, planMonoCall } from '../helpers/mono-call.ts';
import type { BuiltCall } from '../helpers/planned-call.ts';
import { haveTruth } from '../helpers/truth.ts';
import { t } from '../../src/i18n/index.ts';
import { encodeWav } from '../helpers/wav.ts';
import { unexpectedErrors, type AppPage } from './app-driver.ts';
import { openCallsScreen, readTables } from './call-driver.ts';
import { haveChromium, launch, type Session } from './harness.ts';
import { axeViolations, englishRuns, sidewaysOverflow } from './ui-audit.ts';

const IMPORT_TIMEOUT_MS = 90_000;
const ARTIFACTS = join(REPO_ROOT, 'tests/artifacts');

type Seg = { startSec: number; endSec: number; speaker: 0 | 1 };
interface StoredMono {
  id: string;
  bookmarks: { id: string }[];
  speakerCorrections?: Seg[];
  greeting?: { script: string } | null;
  report: { findings: unknown[]; turns: { speaker: 'agent' | 'customer'; startSec: number; endSec: number }[]; diarisation: { confident: boolean; agentSpeaker: 0 | 1; corrections: number; segments: Seg[] } };
}

async function storedCall(page: AppPage['page'], id: string): Promise<StoredMono> {
  const { calls } = await readTables(page, ['calls']);
  const found = (calls as StoredMono[]).filter((c) => c.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Each side's speech as the stored diarisation gives it (voice agentSpeaker is the agent's). */
function lanesOf(call: StoredMono): { agent: Seg[]; customer: Seg[] } {
  const d = call.report.diarisation;
  return { agent: d.segments.filter((s) => s.speaker === d.agentSpeaker), customer: d.segments.filter((s) => s.speaker !== d.agentSpeaker) };
}

describe.skipIf(!haveChromium || !haveTruth)('a mono call: which voice is you, and a corrected turn', () => {
  let session: Session;
  let app: AppPage;
  let built: BuiltCall;
  let wav: Buffer;
  let callId = '';

  beforeAll(async () => {
    built = planMonoCall(await loadPhrases('truth/keele/keele_f3.wav'), await loadPhrases('truth/keele/keele_m4.wav'), { seed: 3 });
    wav = Buffer.from(encodeWav(built.input.channels, MONO_FS, 16));
    session = await launch();
    app = await openCallsScreen(session);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('after the import, choosing the other voice re-analyses under the same id and swaps the stored turns', { timeout: 240_000 }, async () => {
    const { page } = app;
    await page.locator('input[name="keepAudio"][value="audio"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'mono-call.wav', mimeType: 'audio/wav', buffer: wav });
    const done = page.locator('[data-import="done"]');
    await done.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    callId = (await done.getAttribute('data-call-id')) ?? '';
    const voices = page.getByTestId('call-voices');
    await voices.waitFor();
    expect(await voices.getAttribute('data-confident')).toBe('true');
    expect(await voices.getAttribute('data-agent-speaker')).toBe('0');
    expect(await voices.locator('[data-action="listen-voice"]').count()).toBe(2);
    // Only the voice not analysed as yours offers "This is me"; a mono call gets no "other channel" suggestion.
    expect(await voices.locator('[data-action="choose-voice"]').count()).toBe(1);
    expect(await page.locator('[data-suggest-channel]').count()).toBe(0);

    const before = await storedCall(page, callId);
    // The engine's suggestion (the voice that opens the call) is right: the agent's lane holds the planned agent's speech.
    expect(attribution(built, lanesOf(before))).toBeGreaterThanOrEqual(0.85);
    // Listening works from the keyboard: Enter on Listen plays the sample (the button turns into Stop) and it
    // stops by itself after its few seconds; Enter on Stop stops it at once.
    const listen = voices.locator('li[data-voice="1"] [data-action="listen-voice"]');
    await listen.focus();
    await page.keyboard.press('Enter');
    await listen.and(page.locator('[data-playing="true"]')).waitFor();
    await listen.and(page.locator('[data-playing="false"]')).waitFor({ timeout: 15_000 });
    expect(await voices.locator('[role="alert"]').count()).toBe(0);
    await page.keyboard.press('Enter');
    await listen.and(page.locator('[data-playing="true"]')).waitFor();
    await page.keyboard.press('Enter');
    await listen.and(page.locator('[data-playing="false"]')).waitFor({ timeout: 1000 });

    await voices.locator('li[data-voice="1"] [data-action="choose-voice"]').focus();
    await page.keyboard.press('Enter');
    await voices.locator('[data-reanalyse="done"]').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    expect(await voices.getAttribute('data-agent-speaker')).toBe('1');
    const after = await storedCall(page, callId);
    const { calls } = await readTables(page, ['calls']);
    expect(calls).toHaveLength(1);
    expect(after.report.diarisation.agentSpeaker).toBe(1);
    // The same speech, the sides swapped: what was the agent's lane is now the customer's.
    expect(lanesOf(after)).toEqual({ agent: lanesOf(before).customer, customer: lanesOf(before).agent });
    const agentStarts = (c: StoredMono): number[] => c.report.turns.filter((x) => x.speaker === 'agent').map((x) => x.startSec);
    const customerStarts = (c: StoredMono): number[] => c.report.turns.filter((x) => x.speaker === 'customer').map((x) => x.startSec);
    expect(agentStarts(after)).toEqual(customerStarts(before));
    expect(customerStarts(after)).toEqual(agentStarts(before));
    // The import's line counts the findings of the call as stored now, not of the first analysis.
    const flagged = new RegExp(`: ${after.report.findings.length} flagged moments?\\.`);
    expect(await page.locator('[data-import="done"]').first().textContent()).toMatch(flagged);
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('on the call page a turn marked "this was me" is stored as a correction, the report changes, notes are kept, and a reload keeps it', { timeout: 240_000 }, async () => {
    const { page } = app;
    await page.locator(`[data-import="done"] a`).click();
    await page.getByTestId('call-page').waitFor();
    const voices = page.getByTestId('call-voices');
    expect(await voices.getAttribute('data-agent-speaker')).toBe('1');
    await page.locator('[data-action="add-bookmark"]').click();
    await page.locator('.call-turns summary').click();
    const list = page.getByTestId('call-turn-list');
    const before = await storedCall(page, callId);
    expect(before.bookmarks).toHaveLength(1);
    const target = list.locator('li[data-speaker="customer"]').first();
    const index = Number(await target.getAttribute('data-turn-index'));
    const turn = before.report.turns[index];
    expect(turn.speaker).toBe('customer');
    await target.locator('[data-action="mark-me"]').click();
    // While the call is analysed again the marked row says so, and no other turn can be marked meanwhile.
    await target.locator('[data-marking-busy]').waitFor();
    expect(await list.locator('[data-action="mark-me"]:not([disabled]), [data-action="mark-customer"]:not([disabled])').count()).toBe(0);
    await voices.locator('[data-reanalyse="done"]').waitFor({ timeout: IMPORT_TIMEOUT_MS });

    const after = await storedCall(page, callId);
    // "This was me" is the agent's voice (1) over the turn's span.
    expect(after.speakerCorrections).toEqual([{ startSec: turn.startSec, endSec: turn.endSec, speaker: 1 }]);
    expect(after.report.diarisation.corrections).toBe(1);
    expect(after.report.turns.some((x) => x.speaker === 'agent' && x.startSec <= turn.startSec && x.endSec >= turn.endSec)).toBe(true);
    expect(after.report.turns.some((x) => x.speaker === 'customer' && x.startSec < turn.endSec && x.endSec > turn.startSec)).toBe(false);
    expect(after.bookmarks).toEqual(before.bookmarks);
    expect(await voices.locator('[data-corrections="1"]').count()).toBe(1);

    await page.reload();
    await page.getByTestId('call-page').waitFor();
    await page.locator('.call-turns summary').click();
    expect(await storedCall(page, callId)).toEqual(after);
    expect(await page.getByTestId('call-voices').getAttribute('data-agent-speaker')).toBe('1');
    expect(await page.locator('[data-corrections="1"]').count()).toBe(1);
    const agentRows = page.locator('[data-testid="call-turn-list"] li[data-speaker="agent"]');
    expect(await agentRows.count()).toBe(after.report.turns.filter((x) => x.speaker === 'agent').length);
    expect(unexpectedErrors(app)).toEqual([]);
  });

  it('the voice check and the turn list pass axe, fit 360 px and are all Chinese on the Chinese UI', { timeout: 240_000 }, async () => {
    const { page } = app;
    const found: string[] = [];
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.getByTestId('ui-lang').selectOption(lang);
      await page.locator(`html[lang="${lang}"]`).waitFor();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByTestId('call-voices').waitFor();
      found.push(...(await axeViolations(page)).map((v) => `${lang} 360: ${v}`));
      found.push(...(await sidewaysOverflow(page)).map((v) => `${lang} 360: ${v}`));
      // The greeting's scorecard quotes the parts of the English greeting the call was scored against: the
      // agent's own script in the call's language, not UI text.
      const { calls } = await readTables(page, ['calls']);
      const scriptParts = (calls as StoredMono[]).flatMap((c) => (c.greeting?.script ?? '').replace(/\*/g, '').split(/[,.?!|，。？！]/)).map((x) => x.trim()).filter(Boolean);
      if (lang === 'zh-CN') found.push(...(await englishRuns(page, ['mono-call.wav', ...scriptParts])).map((v) => `zh-CN: English ${v}`));
      // For a person to look at (tests/artifacts is not committed).
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.getByTestId('call-voices').screenshot({ path: join(ARTIFACTS, `calls-mono-voices-${lang}-360.png`) });
    }
    expect(found).toEqual([]);
  });

  it('kept as analysis only: the voice is still chosen right after the import (the file is at hand); the page then says correcting needs the audio', { timeout: 240_000 }, async () => {
    const { page } = app;
    await page.getByTestId('ui-lang').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[data-nav="calls"]').click();
    await page.locator('input[name="keepAudio"][value="analysis"]').check();
    await page.getByTestId('call-file').setInputFiles({ name: 'mono-only.wav', mimeType: 'audio/wav', buffer: wav });
    const done = page.locator('[data-import="done"]', { hasText: 'mono-only.wav' });
    await done.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const id = (await done.getAttribute('data-call-id')) ?? '';
    const voices = page.getByTestId('call-voices');
    await voices.locator('li[data-voice="1"] [data-action="choose-voice"]').click();
    await voices.locator('[data-reanalyse="done"]').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const stored = await storedCall(page, id);
    expect(stored.report.diarisation.agentSpeaker).toBe(1);
    const { callAudio } = await readTables(page, ['callAudio']);
    expect((callAudio as { callId: string }[]).filter((c) => c.callId === id)).toEqual([]);

    await done.locator('a').click();
    await page.getByTestId('call-page').waitFor();
    expect(await page.locator('[data-voices-no-audio]').textContent()).toBe(t('en', 'call.voices.noAudio'));
    await page.locator('.call-turns summary').click();
    expect(await page.locator('[data-marking-unavailable]').textContent()).toBe(t('en', 'call.voices.noAudio'));
    expect(await page.locator('[data-action="mark-me"], [data-action="mark-customer"], [data-action="choose-voice"]').count()).toBe(0);
    expect(unexpectedErrors(app)).toEqual([]);
  });
});
