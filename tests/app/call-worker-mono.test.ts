/**
 * The call worker's job (analyseCallFile) on a mono file with the user's choice: the agent's voice and a
 * correction reach the engine, and the report equals analyzeCall's with the same options on the same
 * samples (one engine for the app and the CLI). Two real voices (Keele f3 and m4) mixed on one channel.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analysis/calls/index.ts';
import { analyseCallFile } from '../../src/workers/call-analysis.ts';
import { loadPhrases, MONO_FS, planMonoCall } from '../helpers/mono-call.ts';
import type { BuiltCall } from '../helpers/planned-call.ts';
import { haveTruth } from '../helpers/truth.ts';
import { encodeWav } from '../helpers/wav.ts';

describe.runIf(haveTruth)('analyseCallFile on a mono call with the voice chosen and a turn corrected', { timeout: 120_000 }, () => {
  let built: BuiltCall;
  let file: File;

  beforeAll(async () => {
    built = planMonoCall(await loadPhrases('truth/keele/keele_f3.wav'), await loadPhrases('truth/keele/keele_m4.wav'), { seed: 3 });
    file = new File([encodeWav(built.input.channels, MONO_FS, 'float32') as Uint8Array<ArrayBuffer>], 'mono.wav', { type: 'audio/wav' });
  });

  it('passes the agent voice and the corrections to the engine: the report is analyzeCall\'s with them', async () => {
    // The first planned customer utterance, said to be the agent's (voice 1 is the agent's here).
    const u = built.utterances.find((x) => x.speaker === 'customer');
    if (!u) throw new Error('the plan has no customer utterance');
    const speakerCorrections = [{ startSec: u.startSec, endSec: u.endSec, speaker: 1 as const }];
    const options = { agentChannel: 'left' as const, lang: 'en' as const, calibrationLevelDbfs: null, agentSpeaker: 1 as const, speakerCorrections };
    const done = await analyseCallFile(file, options, () => undefined);
    const expected = analyzeCall(built.input, { agentChannel: 'mono', lang: 'en', agentSpeaker: 1, speakerCorrections });
    expect(done.report).toEqual(expected);
    expect(done.report.diarisation).toMatchObject({ confident: true, agentSpeaker: 1, corrections: 1 });
    // Voice 1 (the planned customer) is the agent now, and so is the corrected stretch.
    const agent = done.report.turns.filter((t) => t.speaker === 'agent');
    expect(agent.some((t) => t.startSec <= u.startSec + 0.15 && t.endSec >= u.endSec - 0.15)).toBe(true);
    const plain = await analyseCallFile(file, { ...options, agentSpeaker: 0, speakerCorrections: [] }, () => undefined);
    expect(plain.report.diarisation).toMatchObject({ agentSpeaker: 0, corrections: 0 });
    expect(plain.report.turns.map((t) => t.speaker)).not.toEqual(done.report.turns.map((t) => t.speaker));
  });
});
