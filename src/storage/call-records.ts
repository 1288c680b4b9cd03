/**
 * Stored recorded calls (the agents' self-review). A call's analysis and its audio are kept apart:
 * the record holds the report, the timeline peaks and the agent's own notes; the original file's bytes,
 * when the agent chose to keep them, sit in CALL_AUDIO chunks so "analysis only" and delete are exact.
 */
import type { CallPeaks, CallReport, Lang, ScoredCallGreeting, SpeakerSegment } from '../analysis/index.ts';

/** Version of CallRecord's shape; restore refuses anything newer. */
export const CALL_SCHEMA_VERSION = 1;

/** Which channel is the agent's: a stereo side, or a mono mix told apart by voice. */
export type AgentChannel = 'left' | 'right' | 'mono';

/** The agent's private reflection after a hard call (never exported unless chosen). */
export interface CallReflection {
  happened: string;
  felt: string;
  nextTime: string;
  /** ms since epoch of the last edit. */
  updatedAt: number;
}

/** A moment the agent marked on the timeline. */
export interface CallBookmark {
  id: string;
  atSec: number;
  note: string;
  createdAt: number;
}

/**
 * The call's opening greeting (the agent's first phrase group) scored like a drill take against a built-in
 * greeting drill, as `voicedrill call --greeting` scores it.
 */
export type CallGreetingRecord = ScoredCallGreeting;

/** One imported call. */
export interface CallRecord {
  schemaVersion: number;
  id: string;
  /** ms since epoch of the import. */
  createdAt: number;
  fileName: string;
  fileBytes: number;
  /** MIME type of the original file ('' when the browser did not say). */
  mimeType: string;
  durationSec: number;
  sampleRateHz: number;
  channelCount: number;
  agentChannel: AgentChannel;
  lang: Lang;
  /** ANALYSIS_VERSION of the engine that made `report`. */
  analysisVersion: string;
  report: CallReport;
  peaks: CallPeaks;
  /** The agent chose to keep the audio and it fitted: the bytes are in the call audio chunks. */
  keepAudio: boolean;
  /** Bytes of audio stored for this call (0 for analysis only). */
  audioBytes: number;
  reflection: CallReflection | null;
  bookmarks: CallBookmark[];
  /** Drills made from this call's turns ("practise this phrase"). */
  drillIds: string[];
  /** Mono calls: the agent's corrections of who spoke when (voice numbers of report.diarisation); absent: none. */
  speakerCorrections?: SpeakerSegment[];
  /** The opening greeting scored at import; null when none was found (or it was unreadable); absent when the call predates greeting scoring. */
  greeting?: CallGreetingRecord | null;
}

/** One chunk of a call's original file. */
export interface CallAudioChunkRecord {
  callId: string;
  index: number;
  bytes: ArrayBuffer;
}
