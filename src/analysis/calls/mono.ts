/**
 * A mono call's two lanes: its speech (the stereo rule without the bleed test: frames above the
 * segmentation threshold, short runs dropped, short gaps filled), diarised into two voices
 * (diarise.ts), the user's corrections applied, and the agent's voice chosen. When the voices are
 * not told apart confidently and no correction says otherwise, all speech is the agent's.
 */
import type { IntervalSec } from '../types.ts';
import { MIN_PAUSE_SEC, MIN_SOUNDING_SEC, type CallChannel } from './activity.ts';
import { diarise, type SpeakerSegment } from './diarise.ts';
import { dropShort, intervalsFromMask, mergeGaps } from './intervals.ts';

/** Speech intervals of a mono call's only channel. */
export function monoSpeech(ch: CallChannel, durationSec: number): IntervalSec[] {
  const threshold = ch.seg.thresholdDbfs;
  if (!ch.seg.speechFound || threshold === null) return [];
  const mask = Array.from(ch.contour.levelDbfs, (x) => x > threshold);
  const runs = intervalsFromMask(mask, ch.contour.timesSec, ch.contour.hopSec, durationSec);
  return mergeGaps(dropShort(runs, MIN_SOUNDING_SEC), MIN_PAUSE_SEC);
}

/**
 * Segments with the corrections applied: inside a correction's span its speaker replaces the
 * segments' (later corrections win); segments are cut at the corrections' edges.
 */
export function applyCorrections(segments: readonly SpeakerSegment[], corrections: readonly SpeakerSegment[]): SpeakerSegment[] {
  let out = segments.map((s) => ({ ...s }));
  for (const c of corrections) {
    const next: SpeakerSegment[] = [];
    for (const s of out) {
      if (s.endSec <= c.startSec || s.startSec >= c.endSec) {
        next.push(s);
        continue;
      }
      if (s.startSec < c.startSec) next.push({ startSec: s.startSec, endSec: c.startSec, speaker: s.speaker });
      next.push({ startSec: Math.max(s.startSec, c.startSec), endSec: Math.min(s.endSec, c.endSec), speaker: c.speaker });
      if (s.endSec > c.endSec) next.push({ startSec: c.endSec, endSec: s.endSec, speaker: s.speaker });
    }
    out = next;
  }
  return out;
}

/** The intervals of one speaker, touching neighbours joined. */
export function speakerIntervals(segments: readonly SpeakerSegment[], speaker: 0 | 1): IntervalSec[] {
  return mergeGaps(segments.filter((s) => s.speaker === speaker && s.endSec > s.startSec), 1e-6);
}

/** Agent and customer speech of a mono call from its (corrected) segments. */
export function monoLanes(segments: readonly SpeakerSegment[], agentSpeaker: 0 | 1): { agent: IntervalSec[]; customer: IntervalSec[] } {
  return { agent: speakerIntervals(segments, agentSpeaker), customer: speakerIntervals(segments, agentSpeaker === 0 ? 1 : 0) };
}

/** What the report says about a mono call's voices. */
export interface CallDiarisation {
  /** True when the two voices were told apart; false: all speech is the agent's unless corrected. */
  confident: boolean;
  /** Cross-validated d′ of the two voices (diarise.ts); confident from MIN_SEPARATION. */
  separation: number;
  /** The voice taken for the agent (0: the one who opens the call). */
  agentSpeaker: 0 | 1;
  /** Each piece of speech and its voice, the corrections applied. */
  segments: SpeakerSegment[];
  /** Number of corrections given. */
  corrections: number;
}

/** Both sides of a mono call: the one prepared channel twice, each side's speech, the diarisation. */
export interface MonoSides {
  agentCh: CallChannel;
  customerCh: CallChannel;
  agentSpeech: IntervalSec[];
  customerSpeech: IntervalSec[];
  diarisation: CallDiarisation;
}

/** Diarise a mono call's speech and split it between the agent (`agentSpeaker`) and the customer. */
export function monoSides(ch: CallChannel, speech: readonly IntervalSec[], agentSpeaker: 0 | 1 = 0, corrections: readonly SpeakerSegment[] = []): Omit<MonoSides, 'agentCh' | 'customerCh'> {
  const d = diarise(ch.signal, speech);
  const segments = applyCorrections(d.segments, corrections);
  // Not told apart and not corrected: all speech is the agent's, whichever voice was chosen.
  const lanes = monoLanes(segments, d.confident || corrections.length > 0 ? agentSpeaker : 0);
  return {
    agentSpeech: lanes.agent,
    customerSpeech: lanes.customer,
    diarisation: { confident: d.confident, separation: d.separation, agentSpeaker, segments, corrections: corrections.length },
  };
}
