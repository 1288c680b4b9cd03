/**
 * "Which voice is you?" on a mono call (src/calls/voice-samples.ts, speaker-corrections.ts): the voices and
 * their samples from the report's diarisation, a turn's correction merged into the kept ones, the agent's
 * voice changed with the corrections keeping their meaning. Known-truth segment lists.
 */
import { describe, expect, it } from 'vitest';
import { callVoices, canChooseVoice, chooseAgentVoice, correctCallTurn, correctTurn, monoChoiceOf, pickSample, SAMPLE_SEC } from '../../src/calls/index.ts';
import type { CallRecord } from '../../src/calls/index.ts';
import { clipStep } from '../../src/features/calls/page/clip-model.ts';

type Seg = { startSec: number; endSec: number; speaker: 0 | 1 };
const seg = (startSec: number, endSec: number, speaker: 0 | 1): Seg => ({ startSec, endSec, speaker });

// Voice 0: 1.0 s, 2.5 s, 0.3 s, 1.5 s; voice 1: 6 s, 0.5 s.
const SEGMENTS: Seg[] = [seg(0, 1, 0), seg(1.5, 7.5, 1), seg(8, 10.5, 0), seg(11, 11.3, 0), seg(12, 12.5, 1), seg(13, 14.5, 0)];

function monoCall(diarisation: { confident: boolean; agentSpeaker: 0 | 1; segments: Seg[]; corrections?: number }, speakerCorrections?: Seg[]): Pick<CallRecord, 'report' | 'speakerCorrections'> {
  const turns = [
    { speaker: 'agent', startSec: 0, endSec: 1 }, { speaker: 'customer', startSec: 1.5, endSec: 7.5 }, { speaker: 'agent', startSec: 8, endSec: 11.3 },
  ];
  const report = { turns, diarisation: { separation: 4, corrections: 0, ...diarisation } } as unknown as CallRecord['report'];
  return { report, speakerCorrections };
}

describe('voice samples', () => {
  it('takes a voice\'s longest segments first, cut to what is left of the sample, in call order', () => {
    // Voice 0: 2.5 s (8–10.5) then 1.5 s (13–14.5) makes 4 s exactly; the 1 s and 0.3 s ones are not needed.
    expect(pickSample(SEGMENTS, 0)).toEqual([{ startSec: 8, endSec: 10.5 }, { startSec: 13, endSec: 14.5 }]);
    // Voice 1: its 6 s segment alone, cut to SAMPLE_SEC from its start.
    expect(pickSample(SEGMENTS, 1)).toEqual([{ startSec: 1.5, endSec: 1.5 + SAMPLE_SEC }]);
    // A shorter sample asked for: only the longest, cut.
    expect(pickSample(SEGMENTS, 0, 2)).toEqual([{ startSec: 8, endSec: 10 }]);
  });

  it('skips clips too short to hear and never takes more than three', () => {
    const many = [seg(0, 0.5, 0), seg(1, 1.5, 0), seg(2, 2.5, 0), seg(3, 3.5, 0), seg(4, 4.2, 0)];
    const clips = pickSample(many, 0);
    expect(clips).toHaveLength(3);
    expect(clips.every((c) => c.endSec - c.startSec === 0.5)).toBe(true);
    expect(pickSample([seg(0, 0.3, 1)], 1)).toEqual([]);
  });

  it('lists the voices with their speech, which one is the agent, and whether one may be chosen', () => {
    const v = callVoices(monoCall({ confident: true, agentSpeaker: 1, segments: SEGMENTS }).report);
    expect(v?.voices.map((x) => [x.speaker, x.speechSec, x.isAgent])).toEqual([[0, 5.3, false], [1, 6.5, true]]);
    expect(v && canChooseVoice(v)).toBe(true);
    expect(callVoices({ diarisation: null })).toBeNull();
    expect(callVoices({})).toBeNull();
  });

  it('not told apart: one voice, the agent whatever was stored, and no choice offered', () => {
    const single = SEGMENTS.map((s) => ({ ...s, speaker: 0 as const }));
    const v = callVoices(monoCall({ confident: false, agentSpeaker: 1, segments: single }).report);
    expect(v).toMatchObject({ confident: false, agentSpeaker: 0 });
    expect(v?.voices.map((x) => [x.speaker, x.isAgent])).toEqual([[0, true]]);
    expect(v && canChooseVoice(v)).toBe(false);
  });
});

describe('speaker corrections', () => {
  it('a turn said to be mine is the agent\'s voice; to be the customer\'s, the other one', () => {
    expect(correctTurn([], { startSec: 1, endSec: 2 }, 'agent', 1)).toEqual([seg(1, 2, 1)]);
    expect(correctTurn([], { startSec: 1, endSec: 2 }, 'customer', 1)).toEqual([seg(1, 2, 0)]);
  });

  it('a new correction replaces the ones it covers and keeps the others, itself last', () => {
    const kept = [seg(0, 1, 0), seg(3, 4, 1), seg(5, 9, 0)];
    expect(correctTurn(kept, { startSec: 2.5, endSec: 6 }, 'agent', 0)).toEqual([seg(0, 1, 0), seg(5, 9, 0), seg(2.5, 6, 0)]);
    // Marking the same turn back: the earlier correction goes, the new one says the opposite.
    expect(correctTurn([seg(3, 4, 1)], { startSec: 3, endSec: 4 }, 'agent', 0)).toEqual([seg(3, 4, 0)]);
    // An empty span changes nothing.
    expect(correctTurn(kept, { startSec: 2, endSec: 2 }, 'agent', 0)).toEqual(kept);
  });

  it('choosing the other voice swaps the agent and keeps each correction\'s meaning', () => {
    const call = monoCall({ confident: true, agentSpeaker: 0, segments: SEGMENTS, corrections: 1 }, [seg(1.5, 7.5, 0)]);
    expect(monoChoiceOf(call)).toEqual({ agentSpeaker: 0, speakerCorrections: [seg(1.5, 7.5, 0)] });
    // 1.5–7.5 was said to be mine (voice 0); with voice 1 mine, it is voice 1.
    expect(chooseAgentVoice(call, 1)).toEqual({ agentSpeaker: 1, speakerCorrections: [seg(1.5, 7.5, 1)] });
    expect(chooseAgentVoice(call, 0)).toEqual({ agentSpeaker: 0, speakerCorrections: [seg(1.5, 7.5, 0)] });
  });

  it('corrects a report turn by its index, in the voice numbers of the current choice', () => {
    const call = monoCall({ confident: true, agentSpeaker: 1, segments: SEGMENTS });
    expect(correctCallTurn(call, 1, 'agent')).toEqual({ agentSpeaker: 1, speakerCorrections: [seg(1.5, 7.5, 1)] });
    expect(correctCallTurn(call, 0, 'customer')).toEqual({ agentSpeaker: 1, speakerCorrections: [seg(0, 1, 0)] });
    expect(correctCallTurn(call, 9, 'agent')).toBeNull();
    // Not told apart and never corrected: the engine took voice 0 for the agent, so corrections are made against it.
    const unsure = monoCall({ confident: false, agentSpeaker: 1, segments: SEGMENTS.map((s) => ({ ...s, speaker: 0 as const })) });
    expect(correctCallTurn(unsure, 1, 'customer')).toEqual({ agentSpeaker: 0, speakerCorrections: [seg(1.5, 7.5, 1)] });
  });
});

describe('playing a sample (clip-model.ts)', () => {
  const clips = [{ startSec: 8, endSec: 10.5 }, { startSec: 13, endSec: 14.5 }];
  it('plays each clip to its end, jumps to the next, and stops after the last', () => {
    expect(clipStep(clips, 0, 9)).toEqual({ type: 'continue' });
    expect(clipStep(clips, 0, 10.6)).toEqual({ type: 'next', index: 1, seekSec: 13 });
    expect(clipStep(clips, 1, 14)).toEqual({ type: 'continue' });
    expect(clipStep(clips, 1, 14.5)).toEqual({ type: 'end' });
    expect(clipStep([], 0, 0)).toEqual({ type: 'end' });
  });
});
