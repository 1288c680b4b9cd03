/**
 * "Which voice is you?" on a mono call: the voices its diarisation found, each with a short sample to
 * listen to (a few seconds from that voice's longest segments), and the user's choice and corrections
 * as the options of a re-analysis. Pure.
 */
import type { CallReport, SpeakerSegment } from '../analysis/index.ts';

/** Seconds of speech in a voice's sample. */
export const SAMPLE_SEC = 4;
/** At most this many clips make a sample (a voice of only short segments: a few of them in a row). */
export const MAX_SAMPLE_CLIPS = 3;
/** Clips shorter than this are not worth hearing (a breath, a click). */
export const MIN_CLIP_SEC = 0.4;

/** One stretch of the call to play, s. */
export interface SampleClip {
  startSec: number;
  endSec: number;
}

/** One voice of a mono call as the page shows it. */
export interface CallVoice {
  speaker: 0 | 1;
  /** Seconds of speech the diarisation (corrections applied) gives this voice. */
  speechSec: number;
  /** This voice is analysed as the agent's. */
  isAgent: boolean;
  /** The clips to play, in call order (empty when the voice has no segment long enough). */
  sample: SampleClip[];
}

/** What the page needs to ask "which voice is you?". */
export interface CallVoices {
  /** The engine told the two voices apart; false: the whole mix is the agent's unless corrected. */
  confident: boolean;
  agentSpeaker: 0 | 1;
  /** The voices with speech, voice 0 (the one who opens the call) first. */
  voices: CallVoice[];
}

/** A voice's sample: clips from its longest segments (each cut to what is left of `sampleSec`), in call order. */
export function pickSample(segments: readonly SpeakerSegment[], speaker: 0 | 1, sampleSec: number = SAMPLE_SEC): SampleClip[] {
  const longest = segments
    .filter((s) => s.speaker === speaker && s.endSec - s.startSec >= MIN_CLIP_SEC)
    .sort((a, b) => (b.endSec - b.startSec) - (a.endSec - a.startSec) || a.startSec - b.startSec);
  const clips: SampleClip[] = [];
  let left = sampleSec;
  for (const s of longest) {
    if (left < MIN_CLIP_SEC || clips.length === MAX_SAMPLE_CLIPS) break;
    const take = Math.min(left, s.endSec - s.startSec);
    clips.push({ startSec: s.startSec, endSec: s.startSec + take });
    left -= take;
  }
  return clips.sort((a, b) => a.startSec - b.startSec);
}

/** The voices of a mono call's report; null for a stereo call (or a report made before mono calls). */
export function callVoices(report: Pick<CallReport, 'diarisation'>): CallVoices | null {
  const d = report.diarisation;
  if (!d) return null;
  // Not told apart and not corrected: the engine analyses everything as the agent's, whichever voice was chosen.
  const agentSpeaker = d.confident || d.corrections > 0 ? d.agentSpeaker : 0;
  const voices = ([0, 1] as const).flatMap((speaker): CallVoice[] => {
    // To the ms, as the report keeps its seconds.
    const speechSec = Math.round(d.segments.reduce((a, s) => a + (s.speaker === speaker ? s.endSec - s.startSec : 0), 0) * 1000) / 1000;
    if (speechSec <= 0) return [];
    return [{ speaker, speechSec, isAgent: speaker === agentSpeaker, sample: pickSample(d.segments, speaker) }];
  });
  return { confident: d.confident, agentSpeaker, voices };
}

/** True when "this voice is me" may be offered: two voices to choose from, told apart by the engine. */
export function canChooseVoice(voices: CallVoices): boolean {
  return voices.confident && voices.voices.length === 2;
}
