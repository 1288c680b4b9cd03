/** The report of one recorded call (stereo: agent and customer on separate channels). Times in s. */
import type { CallFindingId } from '../../guidelines/call-rules.ts';
import type { Lang } from '../types.ts';
import type { CallDiarisation } from './mono.ts';

/** Who is speaking. */
export type Speaker = 'agent' | 'customer';

/** One turn: a speaker's speech with gaps shorter than TURN_MERGE_GAP_SEC joined. */
export interface CallTurn {
  speaker: Speaker;
  startSec: number;
  endSec: number;
  /** Speech inside the turn (its pauses left out), s. */
  speechSec: number;
  /** No-script syllable estimate over the turn (null when too short to measure). */
  syllables: number | null;
  /** syllables ÷ (end − start). */
  syllablesPerSec: number | null;
  /** Active level (P.56) over the turn on the speaker's channel, dBFS. */
  activeLevelDbfs: number | null;
  /** F0 SD over the turn's voiced frames, semitones. */
  pitchSdSt: number | null;
}

/** Talk share over the call: each side's speech, both at once, neither. */
export interface TalkShare {
  agentSec: number;
  customerSec: number;
  /** Both speaking (counted in agentSec and customerSec too). */
  overlapSec: number;
  /** Neither speaking. */
  silenceSec: number;
  agentFraction: number;
  customerFraction: number;
  overlapFraction: number;
  silenceFraction: number;
}

/** Agent pace against the customer's preceding turn. */
export type PaceStatus = 'good' | 'borderline' | 'mismatch';

/** One exchange: an agent turn and the customer turn before it. */
export interface PaceExchange {
  /** Indexes into CallReport.turns. */
  customerTurn: number;
  agentTurn: number;
  customerSyllablesPerSec: number;
  agentSyllablesPerSec: number;
  /** agent ÷ customer. */
  ratio: number;
  status: PaceStatus;
}

/** The agent's answer after a customer turn ends. */
export interface ResponseGap {
  customerEndSec: number;
  agentStartSec: number;
  gapSec: number;
}

/** A flagged moment. */
export interface CallFinding {
  id: CallFindingId;
  startSec: number;
  endSec: number;
  durationSec: number;
  /** overtalk: who began speaking while the other was speaking. */
  startedBy: Speaker | null;
  /** paceMismatch: agent ÷ customer rate. */
  ratio: number | null;
}

/** A stretch of sound on a side that is not speech (hold music, tones; calls/non-speech.ts): silence of speech. */
export interface CallSound {
  channel: Speaker;
  startSec: number;
  endSec: number;
  /** 'steady': no level dips (a tone, sustained music); 'tonal': one sinusoid; 'unvoiced': noise. */
  kind: 'steady' | 'tonal' | 'unvoiced';
}

/** The whole call. */
export interface CallReport {
  callRulesVersion: string;
  durationSec: number;
  sampleRateHz: number;
  /** 'mono': both voices on one channel, told apart by `diarisation`. */
  agentChannel: 'left' | 'right' | 'mono';
  lang: Lang;
  agentSpeechFound: boolean;
  customerSpeechFound: boolean;
  turns: CallTurn[];
  /** Hold music and tones found on either side, counted as silence of speech. */
  sounds: CallSound[];
  talkShare: TalkShare;
  pace: {
    /** Over all measured turns of each side: syllables ÷ turn seconds. */
    agentSyllablesPerSec: number | null;
    customerSyllablesPerSec: number | null;
    ratio: number | null;
    exchanges: PaceExchange[];
  };
  responses: ResponseGap[];
  longestAgentTurnSec: number | null;
  /** The level loud / soft were judged against (the calibration's, else the agent's median turn level), dBFS. */
  agentReferenceLevelDbfs: number | null;
  findings: CallFinding[];
  /** Mono calls: how the two voices were told apart (null for stereo; absent in reports made before mono calls). */
  diarisation?: CallDiarisation | null;
}
