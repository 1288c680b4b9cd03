/**
 * A side that hardly speaks: in a 3-minute call one party says a single short word (under 1 % of the
 * call) over steady background noise on their channel, while the other talks. The segmentation threshold
 * is set from the channel's 99th percentile of intensity, which such a channel has in its noise: the
 * whole channel would count as speech. Known truth: the word is the quiet side's only turn, and the
 * talker's turns, dead air and overtalk are as planned; both ways round (the quiet side customer or agent).
 */
import { describe, expect, it } from 'vitest';
import { analyzeCall, type Speaker } from '../../src/analysis/calls/index.ts';
import { buildCall, scoreCall, type BuiltCall, type PlannedUtterance } from '../helpers/planned-call.ts';
import { seededRandom } from '../helpers/synth.ts';

const FS = 16000;
const DURATION_SEC = 180;
/** The quiet side's background noise, dBFS: a fan or a street under the line (the word is at −20 dBFS). */
const NOISE_DBFS = -50;

/** The talker's turns every ~10 s with pauses and one dead air; the quiet side's one word (0.5 s) at 61 s. */
function sparseCall(quiet: Speaker): { built: BuiltCall; wordSec: number } {
  const talker: Speaker = quiet === 'customer' ? 'agent' : 'customer';
  const utterances: PlannedUtterance[] = [];
  for (let t = 1; t < DURATION_SEC - 10; t += 10) {
    if (t === 61) continue; // the word's exchange
    utterances.push({ speaker: talker, startSec: t, syllables: 24, syllablesPerSec: 4 });
  }
  const wordSec = 62;
  utterances.push({ speaker: quiet, startSec: wordSec, syllables: 2, syllablesPerSec: 4 });
  utterances.sort((a, b) => a.startSec - b.startSec);
  const built = buildCall({ sampleRateHz: FS, durationSec: DURATION_SEC, agentChannel: 'left', utterances, seed: 5 });
  // Steady noise on the quiet side's channel only: white noise, slowly swelling by ±3 dB, as a fan or traffic does.
  const channel = built.input.channels[quiet === 'agent' ? 0 : 1];
  const rnd = seededRandom(77);
  const a = 10 ** (NOISE_DBFS / 20) * Math.sqrt(3);
  for (let i = 0; i < channel.length; i++) channel[i] += (2 * rnd() - 1) * a * 10 ** ((3 * Math.sin((2 * Math.PI * i) / (7.3 * FS))) / 20);
  return { built, wordSec };
}

describe('a side that says one word in a 3-minute call, over background noise', () => {
  for (const quiet of ['customer', 'agent'] as const) {
    it(`the ${quiet}: the word is their only turn, and the other side's turns and dead air are as planned`, () => {
      const { built, wordSec } = sparseCall(quiet);
      const report = analyzeCall(built.input, { agentChannel: 'left', lang: 'en' });
      const mine = report.turns.filter((t) => t.speaker === quiet);
      expect(mine.map((t) => [t.startSec, t.endSec]), JSON.stringify(report.talkShare)).toHaveLength(1);
      expect(Math.abs(mine[0].startSec - wordSec)).toBeLessThan(0.15);
      expect(Math.abs(mine[0].endSec - (wordSec + 0.5))).toBeLessThan(0.15);
      const score = scoreCall(report, built);
      expect(score.boundaryErrorsSec, JSON.stringify(report.turns.map((t) => [t.speaker, t.startSec, t.endSec]))).not.toBeNull();
      expect(Math.max(...(score.boundaryErrorsSec ?? []))).toBeLessThan(0.15);
      expect(score.deadAir.fp + score.deadAir.fn).toBe(0);
      expect(score.overtalk.fp + score.overtalk.fn).toBe(0);
    });
  }
});
