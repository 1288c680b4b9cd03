/**
 * The agent's results of an assigned pack (src/takes/results-export.ts) built from takes stored in IndexedDB:
 * every guideline value and status exactly as the stored report holds them, drill id and version from the take's
 * own drill (an older version's take stays on its version), the analysis version, the comparison with the model
 * of the same drill version only, takes of other drills left out, and the file's name. Packs are hand-made.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDrill, type Drill } from '../../src/drills/index.ts';
import { PACK_FORMAT, PACK_SCHEMA_VERSION, type PackJson, type ResultsJson } from '../../src/packs/types.ts';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { buildResults, compareWithModel, resultsFileName, agentNameOf } from '../../src/takes/index.ts';
import { defaultProfile } from '../../src/storage/index.ts';
import { gridTrack, makeReport } from './report-fixture.ts';

const opened: VoiceDrillStore[] = [];
let n = 0;
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function drill(id: string, version: number): Drill {
  const parsed = parseDrill({
    id, version, kind: 'passage', lang: 'en', title: { en: `Refund ${id}`, 'zh-CN': `退款 ${id}` },
    template: 'Thank you for calling, I can *certainly* help you with your refund today.', bands: { rate: { goodMin: 130, goodMax: 150 } },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
}

const pack = (drills: Drill[]): PackJson => ({
  format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id: 'refunds', version: 2, title: 'Refunds', author: 'Coach Li', createdAt: '2026-12-01T09:00:00.000Z',
  drills: drills.map((d) => ({ drill: d, attemptsRequired: 2, dueDate: '2026-12-10', notes: '', slowSpans: [], hasModel: d.id === 'a' })),
});

async function storedTake(store: VoiceDrillStore, d: Drill, createdAt: string, report: ReturnType<typeof makeReport>): Promise<string> {
  const take = await store.createTake({ drill: d, script: d.template, sampleRateHz: 16000, createdAt: new Date(createdAt) });
  await store.appendAudioChunk(take.id, 0, new Float32Array(1600).fill(0.1));
  await store.finishTake(take.id, 0.1);
  await store.saveReport(take.id, report);
  return take.id;
}

describe('results export', () => {
  it('lists the pack’s analysed takes with the stored values, statuses, versions and model comparison', async () => {
    const store = await openStore({ name: `voicedrill-results-${++n}` });
    opened.push(store);
    const a1 = drill('a', 1);
    const a2 = drill('a', 2);
    const b = drill('b', 1);
    const p = pack([a2, b]);
    const model = makeReport({}, { lang: 'en', pitch: { ...makeReport({}).pitch, sdSt: 2.5, track: gridTrack(4.2, (t) => (t >= 0.5 && t < 3.9 ? (t < 2 ? 180 : 220) : null)) } });
    const modelTrack = model.pitch.track;
    await store.importAssignedPack({ pack: p, models: new Map([['a', new Uint8Array([1, 2, 3])]]), source: 'file' }, 1);
    expect(await store.saveAssignedModelReport('refunds', 'a', 2, model)).toBe(true);

    const oldReport = makeReport({ rate: ['high', 171.4], volume: ['good', -21.37] }, { lang: 'en' });
    const newReport = makeReport({ rate: ['good', 141.2], pitchVariety: ['low', 1.83], pauses: ['borderline', 0.92, 'pauses.long', 'pausesInsidePart'] }, { lang: 'en' });
    const oldId = await storedTake(store, a1, '2026-12-02T10:00:00.000Z', oldReport);
    const newId = await storedTake(store, a2, '2026-12-03T10:00:00.000Z', newReport);
    await storedTake(store, drill('other', 1), '2026-12-03T11:00:00.000Z', newReport);
    const recordedOnly = await store.createTake({ drill: b, script: b.template, sampleRateHz: 16000 });
    await store.finishTake(recordedOnly.id, 0);

    const results = await buildResults(store, (await store.getAssignedPack('refunds'))!, { id: 'agent-x1', name: 'Wang Fang' }, '2026-12-03T12:00:00.000Z', new Set([newId]));
    expect(results).toMatchObject({
      format: 'voicedrill-results', schemaVersion: 1, agent: { id: 'agent-x1', name: 'Wang Fang' }, exportedAt: '2026-12-03T12:00:00.000Z',
      pack: { id: 'refunds', version: 2, title: 'Refunds', author: 'Coach Li' },
    });
    expect(results.pack.drills).toEqual([
      { id: 'a', version: 2, title: { 'zh-CN': '退款 a', en: 'Refund a' }, attemptsRequired: 2, dueDate: '2026-12-10' },
      { id: 'b', version: 1, title: { 'zh-CN': '退款 b', en: 'Refund b' }, attemptsRequired: 2, dueDate: '2026-12-10' },
    ]);
    expect(results.takes.map((t) => [t.takeId, t.drillId, t.drillVersion, t.createdAt, t.hasAudio])).toEqual([
      [oldId, 'a', 1, '2026-12-02T10:00:00.000Z', false],
      [newId, 'a', 2, '2026-12-03T10:00:00.000Z', true],
    ]);
    const [older, newer] = results.takes;
    expect(newer).toMatchObject({ analysisVersion: newReport.analysisVersion, lang: 'en', durationSec: 0.1, speechFound: true });
    expect(newer.verdicts.find((v) => v.guideline === 'rate')).toEqual({ guideline: 'rate', value: 141.2, unit: 'wpm', status: 'good' });
    expect(newer.verdicts.find((v) => v.guideline === 'pitchVariety')).toEqual({ guideline: 'pitchVariety', value: 1.83, unit: 'st', status: 'low' });
    expect(newer.verdicts.find((v) => v.guideline === 'pauses')).toEqual({ guideline: 'pauses', value: 0.92, unit: 's', status: 'borderline' });
    expect(newer.verdicts).toHaveLength(9);
    expect(older.verdicts.find((v) => v.guideline === 'rate')).toEqual({ guideline: 'rate', value: 171.4, unit: 'wpm', status: 'high' });
    expect(older.verdicts.find((v) => v.guideline === 'volume')).toEqual({ guideline: 'volume', value: -21.37, unit: 'dBFS', status: 'good' });
    // The model is of drill version 2: the version-1 take is not compared with it. 5.59 / 5.59 syl/s, 2.1 / 2.5 st.
    expect(older.model).toBeNull();
    expect(newer.model).toEqual(compareWithModel(newReport, { ...model, pitch: { ...model.pitch, track: modelTrack } }));
    expect(newer.model).toEqual({ rateRatio: 1, pitchVarietyRatio: 0.84, contourDistanceSt: 0 });
  });

  it('names the file after the agent and the pack, and takes the name from the profile', () => {
    expect(resultsFileName({ id: 'agent-1', name: 'Wang Fang' }, 'refunds')).toBe('Wang-Fang-refunds-results.vdresults');
    expect(resultsFileName({ id: 'agent-1', name: '王芳' }, 'refunds')).toBe('王芳-refunds-results.vdresults');
    expect(resultsFileName({ id: 'agent-1', name: ' ../' }, 'refunds')).toBe('agent-1-refunds-results.vdresults');
    const profile = defaultProfile('en');
    profile.fills.zh.name = '王芳';
    const record = { schemaVersion: 1, id: 'refunds', version: 2, pack: pack([drill('a', 1)]), source: 'link' as const, importedAt: 1 };
    expect(agentNameOf(profile, record)).toBe('王芳');
    profile.fills.en.name = 'Fang';
    expect(agentNameOf(profile, record)).toBe('Fang');
  });
});

describe('results file', () => {
  it('carries the takes’ audio as WAV only when asked, and names the file', async () => {
    const written: Array<{ results: ResultsJson; audio: ReadonlyMap<string, Uint8Array> }> = [];
    vi.doMock('../../src/packs/results-file.ts', () => ({
      writeResultsFile: (results: ResultsJson, audio: ReadonlyMap<string, Uint8Array>) => {
        written.push({ results, audio });
        return new Uint8Array([80, 75]);
      },
    }));
    const { exportResults } = await import('../../src/takes/results-export.ts');
    const store = await openStore({ name: `voicedrill-results-${++n}` });
    opened.push(store);
    const a = drill('a', 1);
    await store.importAssignedPack({ pack: pack([a]), models: new Map(), source: 'link' }, 1);
    const takeId = await storedTake(store, a, '2026-12-02T10:00:00.000Z', makeReport({ rate: ['good', 140] }, { lang: 'en' }));
    const record = (await store.getAssignedPack('refunds'))!;
    const agent = { id: 'agent-x1', name: 'Wang Fang' };

    const without = await exportResults(store, record, agent, false, new Date('2026-12-03T12:00:00.000Z'));
    expect(without).toEqual({ bytes: new Uint8Array([80, 75]), fileName: 'Wang-Fang-refunds-results.vdresults', takes: 1 });
    expect(written[0].audio.size).toBe(0);
    expect(written[0].results.takes[0]).toMatchObject({ takeId, hasAudio: false });
    expect(written[0].results.exportedAt).toBe('2026-12-03T12:00:00.000Z');

    await exportResults(store, record, agent, true);
    const wav = written[1].audio.get(takeId);
    expect(written[1].results.takes[0]).toMatchObject({ takeId, hasAudio: true });
    // 44-byte header + 1600 samples of 16-bit PCM at 16 kHz: the take's stored audio.
    expect(new TextDecoder().decode(wav?.subarray(0, 4))).toBe('RIFF');
    expect(wav?.length).toBe(44 + 1600 * 2);
    expect(new DataView(wav!.buffer, wav!.byteOffset).getUint32(24, true)).toBe(16000);
    vi.doUnmock('../../src/packs/results-file.ts');
  });
});
