/**
 * The practice screen's state machine, pure: idle → asking for the microphone (→ microphone error)
 * → count-in → recording → finishing → analysing → scorecard (or error), and back with "Try again".
 * Also what Space does in each phase and what the status line (aria-live) says.
 */
import type { MicrophoneErrorKind } from '../../audio/microphone-errors.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
import type { StorageErrorKind } from '../../storage/errors.ts';
import { NO_SPEECH_STOP_SEC, SILENCE_STOP_SEC, type StopReason } from '../../capture/recording-model.ts';

/** Phase of the practice screen. */
export type PracticePhase =
  | 'idle' | 'asking' | 'micError' | 'countIn' | 'recording' | 'finishing' | 'analysing' | 'scorecard' | 'error';

/** The screen's state. */
export interface PracticeState {
  phase: PracticePhase;
  micError: MicrophoneErrorKind | null;
  countInRemainingSec: number;
  elapsedSec: number;
  maxSec: number;
  stopReason: StopReason | null;
  /** Recording has heard nothing for NO_SPEECH_WARN_SEC: say so (the take stops at NO_SPEECH_STOP_SEC). */
  noSpeechWarning: boolean;
  /** Saving audio failed during this take (recording stopped there; earlier audio is kept). */
  storageError: StorageErrorKind | null;
  /** In phase 'error': why the analysis failed, as a sentence; null when nothing was recorded to analyse. */
  errorText: string | null;
}

/** What happens to the screen. */
export type PracticeEvent =
  | { type: 'start'; maxSec: number }
  | { type: 'micFailed'; kind: MicrophoneErrorKind }
  | { type: 'progress'; countInRemainingSec: number; elapsedSec: number; noSpeechWarning?: boolean }
  | { type: 'stopping'; reason: StopReason }
  | { type: 'storageFailed'; kind: StorageErrorKind }
  | { type: 'analysing' }
  | { type: 'analysed' }
  | { type: 'failed'; text: string | null }
  | { type: 'reset' };

/** The state before any take. */
export const INITIAL_PRACTICE: PracticeState = {
  phase: 'idle', micError: null, countInRemainingSec: 0, elapsedSec: 0, maxSec: 0, stopReason: null, noSpeechWarning: false, storageError: null, errorText: null,
};

const CAN_START: readonly PracticePhase[] = ['idle', 'micError', 'scorecard', 'error'];
const CAPTURING: readonly PracticePhase[] = ['asking', 'countIn', 'recording'];

/** True when a new take can be started. */
export function canStart(state: PracticeState): boolean {
  return CAN_START.includes(state.phase);
}

/** True while the microphone is (being) opened or recording. */
export function isCapturing(state: PracticeState): boolean {
  return CAPTURING.includes(state.phase);
}

/** The next state. Events that do not fit the phase leave the state unchanged. */
export function practiceReducer(state: PracticeState, event: PracticeEvent): PracticeState {
  switch (event.type) {
    case 'start':
      return canStart(state) ? { ...INITIAL_PRACTICE, phase: 'asking', maxSec: event.maxSec } : state;
    case 'micFailed':
      return state.phase === 'asking' ? { ...state, phase: 'micError', micError: event.kind } : state;
    case 'progress': {
      if (!CAPTURING.includes(state.phase)) return state;
      const phase = event.countInRemainingSec > 0 ? 'countIn' : 'recording';
      return {
        ...state, phase, countInRemainingSec: event.countInRemainingSec, elapsedSec: event.elapsedSec,
        noSpeechWarning: phase === 'recording' && event.noSpeechWarning === true,
      };
    }
    case 'stopping':
      return CAPTURING.includes(state.phase) ? { ...state, phase: 'finishing', stopReason: event.reason } : state;
    case 'storageFailed':
      return { ...state, storageError: event.kind };
    case 'analysing':
      return { ...state, phase: 'analysing', errorText: null };
    case 'analysed':
      return state.phase === 'analysing' ? { ...state, phase: 'scorecard' } : state;
    case 'failed':
      return { ...state, phase: 'error', errorText: event.text };
    case 'reset':
      return isCapturing(state) || state.phase === 'finishing' ? state : { ...INITIAL_PRACTICE };
  }
}

/** What Space does now: start a take, end the count-in, stop recording, or nothing. */
export function spaceAction(state: PracticeState): 'start' | 'skipCountIn' | 'stop' | null {
  if (canStart(state)) return 'start';
  if (state.phase === 'countIn') return 'skipCountIn';
  if (state.phase === 'recording') return 'stop';
  return null;
}

/** The number shown during the count-in (3, 2, 1). */
export function countInNumber(remainingSec: number): number {
  return Math.max(1, Math.ceil(remainingSec - 1e-9));
}

/** A message with its parameters. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** Why the take stopped by itself, or null when the agent stopped it. */
export function stopNotice(state: PracticeState): Message | null {
  if (state.stopReason === 'silence') return { key: 'practice.autoStop.silence', params: { seconds: SILENCE_STOP_SEC } };
  if (state.stopReason === 'noSpeech') return { key: 'practice.autoStop.noSpeech', params: { seconds: NO_SPEECH_STOP_SEC } };
  if (state.stopReason === 'limit') {
    return { key: 'practice.autoStop.limit', params: { minutes: Math.round((state.maxSec / 60) * 10) / 10 } };
  }
  return null;
}

/** What the status line says (announced politely to screen readers), or null. */
export function statusMessage(state: PracticeState): Message | null {
  switch (state.phase) {
    case 'asking': return { key: 'mic.asking' };
    case 'countIn': return { key: 'practice.countIn', params: { count: countInNumber(state.countInRemainingSec) } };
    case 'recording': return { key: 'practice.recording' };
    case 'finishing':
    case 'analysing': return { key: 'practice.analysing' };
    case 'idle': return { key: 'practice.ready' };
    default: return null;
  }
}
