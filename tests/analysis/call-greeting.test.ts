/** The greeting's span: the first agent turn up to the first pause longer than a greeting's part pause. */
import { describe, expect, it } from 'vitest';
import { analyzeCallGreeting, firstPhraseGroup } from '../../src/analysis/calls/index.ts';
import { analyzeCall } from '../../src/analysis/index.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';

describe('firstPhraseGroup', () => {
  const turn = { startSec: 1, endSec: 9 };
  it('ends at the first pause longer than the limit inside the turn, else at the turn end', () => {
    const pauses = [{ startSec: 2, endSec: 2.5 }, { startSec: 4, endSec: 5 }, { startSec: 6, endSec: 7.5 }];
    expect(firstPhraseGroup(turn, pauses, 0.8)).toEqual({ startSec: 1, endSec: 4 });
    expect(firstPhraseGroup(turn, pauses, 1.2)).toEqual({ startSec: 1, endSec: 6 });
    expect(firstPhraseGroup(turn, pauses, 2)).toEqual(turn);
    // A pause at or outside the turn's edges is not inside it.
    expect(firstPhraseGroup(turn, [{ startSec: 0, endSec: 1 }, { startSec: 9, endSec: 11 }], 0.5)).toEqual(turn);
  });
});

describe('analyzeCallGreeting', () => {
  it('scores the agent\'s first phrase group (synthetic speech, 4 syllables/s), and nothing without an agent turn', () => {
    const built = buildCall({
      sampleRateHz: 16000, durationSec: 16, agentChannel: 'left', seed: 2,
      utterances: inSequence(0.5, [
        { speaker: 'agent', syllables: 8, syllablesPerSec: 4, gapSec: 0 },
        { speaker: 'agent', syllables: 8, syllablesPerSec: 4, gapSec: 0.3 }, // a part pause: same group
        { speaker: 'agent', syllables: 8, syllablesPerSec: 4, gapSec: 1.0 }, // a longer pause: the group ends
        { speaker: 'customer', syllables: 10, syllablesPerSec: 5, gapSec: 0.5 },
      ]),
    });
    const call = analyzeCall(built.input, { agentChannel: 'left', lang: 'en' });
    expect(call.turns[0]).toMatchObject({ speaker: 'agent' });
    expect(call.turns[0].endSec).toBeCloseTo(7.8, 1);
    const g = analyzeCallGreeting(built.input, call, { lang: 'en', script: 'one two three four five six seven eight, one two three four five six seven eight' });
    expect(g?.startSec).toBeCloseTo(0.5, 1);
    expect(g?.endSec).toBeCloseTo(4.8, 1);
    expect(g?.sliceStartSec).toBeCloseTo(0.2, 1);
    expect(g?.report.parts.map((p) => p.found)).toEqual([true, true]);
    // 16 syllables of the script over 4.3 s of speech.
    expect(g?.report.rate.syllablesPerSec).toBeCloseTo(16 / 4.3, 0);
    // No agent turn (as analyzeCall reports a call where the agent never speaks): no greeting.
    expect(analyzeCallGreeting(built.input, { turns: call.turns.filter((t) => t.speaker === 'customer'), agentChannel: 'left' }, { lang: 'en', script: 'hello' })).toBeNull();
  });
});
