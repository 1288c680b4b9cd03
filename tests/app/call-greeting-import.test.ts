/**
 * The opening greeting of an imported call (issue 11 point 4), app side: the call worker's job
 * (analyseCallFile) given the greeting template the import panel builds scores the same greeting as
 * `voicedrill call --json` on the same file — same drill, script, span and rounded take report — and
 * importCall stores it on the call record, read back unchanged. The calls are planned stereo calls whose
 * agent (right channel) opens with a synthetic four-part greeting fixture (../shared/fixtures/synth), as in
 * tests/cli/call-greeting.test.ts. A call whose agent first speaks after the first minute has no greeting;
 * restoreCall keeps a stored greeting, and reads a missing or malformed one as null.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GreetingJson } from '../../cli/call-greeting.ts';
import { greetingChoice, importCall } from '../../src/calls/index.ts';
import { openStore, type CallRecord } from '../../src/storage/index.ts';
import { restoreCall } from '../../src/storage/restore-call.ts';
import { analyseCallFile, type CallAnalysisOptions } from '../../src/workers/call-analysis.ts';
import { runCli } from '../helpers/cli.ts';
import { decodeFixture, haveFixtures } from '../helpers/fixtures.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';
import { encodeWav } from '../helpers/wav.ts';

const FS = 16000;
const CASES = [
  { lang: 'zh' as const, fixture: 'synth/zh_greet_xinghai_s160_p50_a100.wav', syllables: 19 },
  { lang: 'en' as const, fixture: 'synth/en_greet_northwind_s160_p50_a100.wav', syllables: 16 },
];

const fileOf = (bytes: Uint8Array, name: string): File => new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'audio/wav' });
const optionsFor = (lang: 'zh' | 'en', greeting: CallAnalysisOptions['greeting']): CallAnalysisOptions => ({ agentChannel: 'right', lang, calibrationLevelDbfs: null, greeting });

/** The CLI's greeting as the app stores it: the report without its file label. */
function asStored(g: GreetingJson): NonNullable<CallRecord['greeting']> {
  const { file: _file, ...report } = g.report;
  return { drillId: g.drill, script: g.script, startSec: g.startSec, endSec: g.endSec, sliceStartSec: g.sliceStartSec, report, baseline: null };
}

describe.runIf(haveFixtures)('an imported call’s opening greeting: the worker scores it as `voicedrill call` does', { timeout: 120_000 }, () => {
  let dir = '';
  const files: { lang: 'zh' | 'en'; bytes: Uint8Array; name: string; cli: GreetingJson | null }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'voicedrill-app-greeting-'));
    for (const c of CASES) {
      const greeting = await decodeFixture(c.fixture);
      if (greeting.sampleRateHz !== FS) throw new Error(`${c.fixture} is not at 16 kHz`);
      const built = buildCall({
        sampleRateHz: FS, durationSec: 30, agentChannel: 'right', seed: 41,
        utterances: inSequence(0.6, [
          { speaker: 'agent', samples: greeting.channels[0], syllables: c.syllables, syllablesPerSec: 0, gapSec: 0 },
          { speaker: 'customer', syllables: 12, syllablesPerSec: 5, gapSec: 0.5 },
          { speaker: 'agent', syllables: 16, syllablesPerSec: 4, gapSec: 0.5 },
        ], FS),
      });
      const name = `${c.lang}-call.wav`;
      const bytes = encodeWav(built.input.channels, FS, 16);
      writeFileSync(join(dir, name), bytes);
      // No --greeting, --name or --company: the CLI's default, the four-part greeting with the drill's sample fill.
      const run = await runCli(['call', name, '--agent', 'right', '--lang', c.lang, '--json'], dir);
      if (run.status !== 0) throw new Error(run.stderr);
      files.push({ lang: c.lang, bytes, name, cli: (JSON.parse(run.stdout) as { greeting: GreetingJson | null }).greeting });
    }
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same drill, script, span and rounded take report as the CLI on the same file', async () => {
    for (const f of files) {
      expect(f.cli, `${f.lang}: the CLI finds the greeting`).not.toBeNull();
      // What the import panel builds with an empty profile and no typed name or company: the four-part greeting, sample fill.
      const choice = greetingChoice(f.lang, 'greeting4', { name: '', company: '' });
      const analysis = await analyseCallFile(fileOf(f.bytes, f.name), optionsFor(f.lang, choice), () => undefined);
      expect(analysis.greeting, f.lang).toEqual(asStored(f.cli as GreetingJson));
      expect(analysis.greeting?.report.verdicts.length, f.lang).toBeGreaterThan(3);
      expect(analysis.greeting?.report.parts.every((p) => p.found), f.lang).toBe(true);
    }
  });

  it('scores against the chosen template and name: the three-part greeting has three parts, and the script carries the name', async () => {
    const f = files[1];
    const choice = greetingChoice('en', 'greeting3', { name: 'Alexandra', company: 'ignored' });
    expect(choice).toEqual({ drillId: 'en-greeting3', script: 'Good morning, this is Alexandra, glad to *help* you.' });
    const analysis = await analyseCallFile(fileOf(f.bytes, f.name), optionsFor('en', choice), () => undefined);
    expect(analysis.greeting?.drillId).toBe('en-greeting3');
    expect(analysis.greeting?.report.parts.map((p) => p.text)).toEqual(['Good morning', 'this is Alexandra', 'glad to help you']);
    // The span is the agent's speech whatever it is scored against.
    expect(analysis.greeting?.startSec).toBe(f.cli?.startSec);
  });

  it('with the agent’s calibration the greeting is scored against it, as a practice take is (effort and pitch level measured)', async () => {
    const f = files[1];
    const baseline = { medianHz: 110, activeLevelDbfs: -26, brightnessHz: null };
    const choice = { ...greetingChoice('en', 'greeting4', { name: '', company: '' }), baseline };
    const analysis = await analyseCallFile(fileOf(f.bytes, f.name), optionsFor('en', choice), () => undefined);
    const status = (g: string): string | undefined => analysis.greeting?.report.verdicts.find((v) => v.guideline === g)?.status;
    expect(analysis.greeting?.baseline).toEqual(baseline);
    expect(status('effort')).not.toBe('unmeasured');
    expect(status('pitchLevel')).not.toBe('unmeasured');
    const cliStatus = (g: string): string | undefined => f.cli?.report.verdicts.find((v) => v.guideline === g)?.status;
    expect([cliStatus('effort'), cliStatus('pitchLevel')], 'without a baseline (the CLI)').toEqual(['unmeasured', 'unmeasured']);
  });

  it('importCall stores the greeting on the call record, and it reads back unchanged', async () => {
    const store = await openStore({ name: 'voicedrill-greeting-import-test' });
    try {
      const f = files[0];
      const choice = greetingChoice('zh', 'greeting4', { name: '', company: '' });
      const imported = await importCall({
        store, file: fileOf(f.bytes, f.name), agentChannel: 'right', lang: 'zh', keepAudio: false, calibrationLevelDbfs: null, greeting: choice,
        analyse: (file, options, onProgress) => analyseCallFile(file, options, onProgress), onProgress: () => undefined, storageManager: null,
      });
      expect(imported.call.greeting).toEqual(asStored(f.cli as GreetingJson));
      expect((await store.getCall(imported.call.id))?.greeting).toEqual(imported.call.greeting);
      // Without a template the worker is not asked and the record says so.
      const plain = await importCall({
        store, file: fileOf(f.bytes, f.name), agentChannel: 'right', lang: 'zh', keepAudio: false, calibrationLevelDbfs: null,
        analyse: (file, options, onProgress) => analyseCallFile(file, options, onProgress), onProgress: () => undefined, storageManager: null,
      });
      expect(plain.call.greeting).toBeNull();
    } finally {
      store.close();
    }
  });
});

describe('an imported call without an opening greeting', () => {
  it('is null when the agent first speaks after the first minute (the opening the call stream keeps)', async () => {
    const rate = 8000;
    const built = buildCall({
      sampleRateHz: rate, durationSec: 70, agentChannel: 'right', seed: 5,
      utterances: inSequence(2, [
        { speaker: 'customer', syllables: 12, syllablesPerSec: 5, gapSec: 0 },
        { speaker: 'agent', syllables: 12, syllablesPerSec: 4, gapSec: 58 },
      ]),
    });
    const agentStartSec = built.turns.find((t) => t.speaker === 'agent')?.startSec ?? 0;
    expect(agentStartSec, 'the plan').toBeGreaterThan(61);
    const choice = greetingChoice('en', 'greeting4', { name: 'Sam', company: 'Acme' });
    const analysis = await analyseCallFile(fileOf(encodeWav(built.input.channels, rate, 16), 'late.wav'), optionsFor('en', choice), () => undefined);
    expect(analysis.report.turns.some((t) => t.speaker === 'agent' && t.startSec > 60), 'the agent does speak, later').toBe(true);
    expect(analysis.greeting).toBeNull();
  });
});

describe('restoreCall and the stored greeting', () => {
  const base = {
    schemaVersion: 1, id: 'c1', createdAt: 1, fileName: 'c1.wav', fileBytes: 10, mimeType: 'audio/wav', durationSec: 60, sampleRateHz: 8000,
    channelCount: 2, agentChannel: 'left', lang: 'en', analysisVersion: 'x', keepAudio: false, audioBytes: 0, reflection: null, bookmarks: [], drillIds: [],
    report: { turns: [], findings: [], talkShare: {}, durationSec: 60 },
    peaks: { peaksPerSec: 50, channels: [{ min: new Float32Array(1), max: new Float32Array(1) }] },
  };
  const greeting = {
    drillId: 'en-greeting4', script: 'Hello, *Acme*, this is Sam, how may I *help* you today?', startSec: 0.6, endSec: 3.9, sliceStartSec: 0.3,
    report: { durationSec: 3.9, speechFound: true, verdicts: [{ guideline: 'rate', status: 'good' }], parts: [] },
    baseline: { medianHz: 120, activeLevelDbfs: -24, brightnessHz: null },
  };

  it('keeps a stored greeting, and reads a call stored before greetings were scored as never scored (absent, not "none found")', () => {
    expect(restoreCall({ ...base, greeting }).greeting).toEqual(greeting);
    // A malformed calibration is read as none; the greeting is kept.
    expect(restoreCall({ ...base, greeting: { ...greeting, baseline: { medianHz: 'high' } } }).greeting).toEqual({ ...greeting, baseline: null });
    expect('greeting' in restoreCall(base)).toBe(false);
    expect(restoreCall({ ...base, greeting: null }).greeting).toBeNull();
  });

  it('reads a malformed greeting as none, and still restores the call', () => {
    for (const bad of [
      { ...greeting, drillId: '' }, { ...greeting, startSec: 'soon' }, { ...greeting, endSec: 0.1 }, { ...greeting, report: { verdicts: 'all good' } }, 'greeting',
    ]) {
      const call = restoreCall({ ...base, greeting: bad });
      expect(call.id).toBe('c1');
      expect(call.greeting, JSON.stringify(bad)).toBeNull();
    }
  });
});
