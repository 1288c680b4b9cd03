/**
 * Sounds that are not speech inside a call channel's activity: hold music, ringback and beeps, DTMF.
 * GUIDELINES (Recorded calls): "hold music and tones count as silence of speech", and a slow response
 * is not flagged during a hold. No model: the take's no-speech guard (segmentation.ts guardReason) is
 * applied to each stretch of sound (its single-sinusoid and voicing tests), plus a steadiness test (a
 * stretch whose level never dips is a tone or sustained music; speech dips between syllables).
 *
 * A stretch is a run of activity intervals with gaps < STRETCH_GAP_SEC; stretches shorter than
 * MIN_STRETCH_SEC carry too little evidence and stay speech. Told apart: pure tones (beeps, ringback:
 * 'tonal' by linear prediction), noise ('unvoiced'), continuous tones and sustained notes and chords
 * ('steady'). Not told apart: music with speech-like level swings (plucked or percussive), and short
 * DTMF bursts (two tones, with gaps: neither one sinusoid nor steady).
 * Measured: no stretch of the fixtures' real speech (6 real, 10 Keele, 60 MagicData files) is called a sound.
 */
import { intensityContour, SEGMENTATION_MIN_PITCH_HZ } from '../intensity.ts';
import { guardReason, speechEvidence } from '../segmentation.ts';
import { quantile } from '../stats.ts';
import { readerOf, type IntervalSec, type NoSpeechReason, type SampleReader } from '../types.ts';

/** Activity intervals closer than this form one stretch, s. */
export const STRETCH_GAP_SEC = 0.5;
/** Shorter stretches are kept as speech, s. */
export const MIN_STRETCH_SEC = 0.6;
/**
 * A stretch whose frames above the threshold span less than this (q95 − q10) is steady, dB.
 * Speech: syllable dips; a sustained tone or chord: none.
 */
export const MIN_STRETCH_RANGE_DB = 6;

/** Why a stretch is not speech. */
export type SoundKind = Exclude<NoSpeechReason, 'silent' | 'too-short'>;

/** A stretch of sound that is not speech. */
export interface NonSpeechSound extends IntervalSec {
  kind: SoundKind;
}

/** Group intervals into stretches (gaps < STRETCH_GAP_SEC joined), each with its member intervals. */
export function stretches(intervals: readonly IntervalSec[]): IntervalSec[][] {
  const out: IntervalSec[][] = [];
  for (const x of intervals) {
    const last = out[out.length - 1];
    if (last && x.startSec - last[last.length - 1].endSec < STRETCH_GAP_SEC) last.push(x);
    else out.push([x]);
  }
  return out;
}

/**
 * What a stretch of sound is, from its samples (the 16 kHz high-passed channel from `offsetSec`):
 * null for speech, else why not. `members` are its intervals (channel time), `thresholdDbfs` the channel's.
 */
export function stretchKind(samples: Float32Array, sampleRateHz: number, offsetSec: number, members: readonly IntervalSec[], thresholdDbfs: number): SoundKind | null {
  const contour = intensityContour(samples, sampleRateHz, SEGMENTATION_MIN_PITCH_HZ);
  const local = members.map((m) => ({ startSec: m.startSec - offsetSec, endSec: m.endSec - offsetSec }));
  const levels: number[] = [];
  for (let f = 0, k = 0; f < contour.timesSec.length && k < local.length; f++) {
    const t = contour.timesSec[f];
    while (k < local.length && t > local[k].endSec) k++;
    if (k < local.length && t >= local[k].startSec && contour.levelDbfs[f] > thresholdDbfs) levels.push(contour.levelDbfs[f]);
  }
  if (levels.length >= 10 && quantile(levels, 0.95) - quantile(levels, 0.1) < MIN_STRETCH_RANGE_DB) return 'steady';
  // The guard's machine-steady-pitch test is left out: over one word a monotone voice (or a flat test
  // voice) can stay within a semitone, and it must not become silence.
  const evidence = speechEvidence(readerOf({ samples, sampleRateHz }), contour, local, thresholdDbfs);
  const reason = guardReason({ ...evidence, pitchSpreadSt: Infinity }, 0);
  return reason === 'tonal' || reason === 'unvoiced' || reason === 'steady' ? reason : null;
}

/** Split a channel's activity into speech and non-speech sounds; `signal` is the channel's 16 kHz high-passed signal. */
export function splitSounds(
  intervals: readonly IntervalSec[],
  thresholdDbfs: number | null,
  signal: SampleReader,
): { speech: IntervalSec[]; sounds: NonSpeechSound[] } {
  if (thresholdDbfs === null) return { speech: [...intervals], sounds: [] };
  const rate = signal.sampleRateHz;
  const at = (sec: number): number => Math.min(signal.length, Math.max(0, Math.round(sec * rate)));
  const speech: IntervalSec[] = [];
  const sounds: NonSpeechSound[] = [];
  for (const members of stretches(intervals)) {
    const startSec = members[0].startSec;
    const endSec = members[members.length - 1].endSec;
    // The read's view is used as is: stretchKind reads nothing else of `signal` (a copy per stretch was ~60 MB of
    // short-lived buffers per channel of a 60-minute call, at the finish, where the tab's memory peaks).
    const kind = endSec - startSec < MIN_STRETCH_SEC ? null : stretchKind(signal.read(at(startSec), at(endSec)), rate, at(startSec) / rate, members, thresholdDbfs);
    if (kind === null) speech.push(...members);
    else sounds.push({ startSec, endSec, kind });
  }
  return { speech, sounds };
}
