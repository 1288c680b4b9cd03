/**
 * The agent's results of one assigned pack as a results file (issue 12): every analysed take of the pack's drills,
 * each guideline value and status exactly as the take's stored report holds them, the drill id and version the take
 * was recorded on, its analysis version and its comparison with the drill's model take; the takes' audio as WAV only
 * when the agent asks for it. No DOM: tested in Node.
 */
import { encodeWavMono16 } from '../audio/wav.ts';
import type { AnalysisReport } from '../analysis/report.ts';
import { RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, type ResultsJson, type ResultTake } from '../packs/types.ts';
import type { AssignedPackRecord, PackModelRecord, Profile, TakeRecord, VoiceDrillStore } from '../storage/index.ts';
import { compareWithModel } from './model-comparison.ts';

/** Who exports: the installation's random id (profile.agentId) and the name typed in the profile. */
export interface ResultsAgent {
  id: string;
  name: string;
}

/** A new random agent id (kept in the profile from the first export on). */
export function newAgentId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const random = c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `agent-${random.toLowerCase()}`;
}

/** The agent's name for results: the profile's name in the pack's first drill language, else in the other one. */
export function agentNameOf(profile: Profile, pack: AssignedPackRecord): string {
  const lang = pack.pack.drills[0]?.drill.lang ?? profile.scriptLang;
  return (profile.fills[lang].name.trim() || profile.fills[lang === 'zh' ? 'en' : 'zh'].name.trim());
}

/** `<agent>-<pack-id>-results.vdresults`: the agent's name (else id) with characters file systems refuse replaced by '-'. */
export function resultsFileName(agent: ResultsAgent, packId: string): string {
  const who = (agent.name.trim() || agent.id).replace(/[\\/:*?"<>|\s.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || agent.id;
  return `${who}-${packId}-results.vdresults`;
}

// The model report a take of this drill version is compared with (null: no model, not analysed, another version).
function modelReportFor(models: readonly PackModelRecord[], drillId: string, drillVersion: number): AnalysisReport | null {
  return models.find((m) => m.drillId === drillId && m.drillVersion === drillVersion)?.report ?? null;
}

/** One take as a results file lists it (the report's numbers as stored, never recomputed). */
export function resultTakeOf(take: TakeRecord & { report: AnalysisReport }, models: readonly PackModelRecord[], hasAudio: boolean): ResultTake {
  const report = take.report;
  const drillVersion = take.drill?.version ?? 1;
  const model = modelReportFor(models, take.drillId, drillVersion);
  return {
    takeId: take.id,
    drillId: take.drill?.id ?? take.drillId,
    drillVersion,
    createdAt: take.createdAt,
    analysisVersion: take.analysisVersion ?? report.analysisVersion,
    lang: report.lang,
    durationSec: take.durationSec,
    speechFound: report.speechFound,
    verdicts: report.verdicts.map((v) => ({ guideline: v.guideline, value: v.value, unit: v.unit, status: v.status })),
    model: model === null ? null : compareWithModel(report, model),
    hasAudio,
  };
}

/** The analysed takes of the pack's drills, oldest first. */
export async function packTakes(store: VoiceDrillStore, pack: AssignedPackRecord): Promise<Array<TakeRecord & { report: AnalysisReport }>> {
  const out: Array<TakeRecord & { report: AnalysisReport }> = [];
  for (const d of pack.pack.drills) {
    for (const take of await store.listTakes({ drillId: d.drill.id, status: 'analysed', order: 'oldest' })) {
      if (take.report !== null) out.push(take as TakeRecord & { report: AnalysisReport });
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A take's stored audio as 16-bit mono WAV (results files, team sync); null when the take or its audio is gone. */
export async function takeWav(store: VoiceDrillStore, takeId: string): Promise<Uint8Array | null> {
  const take = await store.getTake(takeId);
  if (take === null) return null;
  const samples = await store.loadTakeAudio(takeId);
  return samples.length === 0 ? null : encodeWavMono16(samples, take.sampleRateHz);
}

/** results.json of a pack: the pack as assigned, the agent and the takes (hasAudio as `withAudio` says per take id). */
export async function buildResults(store: VoiceDrillStore, pack: AssignedPackRecord, agent: ResultsAgent, exportedAt: string, withAudio: ReadonlySet<string> = new Set()): Promise<ResultsJson> {
  const [takes, models] = await Promise.all([packTakes(store, pack), store.listAssignedModels(pack.id)]);
  const p = pack.pack;
  return {
    format: RESULTS_FORMAT,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    agent: { id: agent.id, name: agent.name },
    pack: {
      id: p.id, version: p.version, title: p.title, author: p.author,
      drills: p.drills.map((d) => ({
        id: d.drill.id, version: d.drill.version, title: { 'zh-CN': d.drill.title['zh-CN'], en: d.drill.title.en },
        attemptsRequired: d.attemptsRequired, dueDate: d.dueDate,
      })),
    },
    exportedAt,
    takes: takes.map((t) => resultTakeOf(t, models, withAudio.has(t.id))),
  };
}

/** The results file's bytes and name; with `includeAudio`, every take's stored audio as 16-bit WAV. */
export async function exportResults(store: VoiceDrillStore, pack: AssignedPackRecord, agent: ResultsAgent, includeAudio: boolean, now: Date = new Date()): Promise<{ bytes: Uint8Array; fileName: string; takes: number }> {
  const audio = new Map<string, Uint8Array>();
  if (includeAudio) {
    for (const take of await packTakes(store, pack)) {
      const samples = await store.loadTakeAudio(take.id);
      if (samples.length > 0) audio.set(take.id, encodeWavMono16(samples, take.sampleRateHz));
    }
  }
  const results = await buildResults(store, pack, agent, now.toISOString(), new Set(audio.keys()));
  // Loaded on demand: the zip writer stays out of the practice screen's bundle until an export.
  const { writeResultsFile } = await import('../packs/results-file.ts');
  return { bytes: writeResultsFile(results, audio), fileName: resultsFileName(agent, pack.id), takes: results.takes.length };
}
