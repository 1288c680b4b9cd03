/**
 * Messages between the app and the analysis worker, and the worker's side of them as a pure function
 * (tested in Node). The worker is a thin adapter: it calls analyzeToJson, the CLI's own function.
 */
import { analyzeToJson, type AnalyzeOptions, type FileReport } from '../analysis/index.ts';

/** Analyse one recording. The channels' buffers are transferred to the worker. */
export interface AnalyseRequest {
  type: 'analyse';
  id: number;
  channels: Float32Array[];
  sampleRateHz: number;
  options: AnalyzeOptions;
  fileLabel: string;
}

/** Run a short synthetic analysis once, so the first real one is not slowed by cold code. */
export interface WarmUpRequest {
  type: 'warmUp';
  id: number;
  sampleRateHz: number;
}

/** A message to the worker. */
export type AnalysisRequest = AnalyseRequest | WarmUpRequest;

/** The worker's answer: the report (CLI JSON object), or the error as a sentence. */
export type AnalysisResponse =
  | { id: number; ok: true; report: FileReport | null }
  | { id: number; ok: false; message: string };

/** Seconds of the warm-up signal. */
const WARM_UP_SEC = 2;
/** Warm-up passes: V8 optimises hot functions only after they have run a few times. */
const WARM_UP_PASSES = 3;

/**
 * A voiced, syllable-like test signal: a glide from 180 to 140 Hz with harmonics up to 4 kHz (1/k), in 4 Hz
 * syllable humps between short silences, over a faint deterministic hiss, so every stage runs
 * (segmentation finds speech, pitch and nuclei are tracked).
 */
export function warmUpSignal(sampleRateHz: number): Float32Array {
  const n = Math.round(WARM_UP_SEC * sampleRateHz);
  const x = new Float32Array(n);
  const top = Math.min(4000, 0.45 * sampleRateHz);
  let phase = 0;
  let hiss = 1;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRateHz;
    hiss = (hiss * 16807) % 2147483647;
    x[i] = 1e-4 * (hiss / 2147483647 - 0.5);
    if (t < 0.2 || t > WARM_UP_SEC - 0.2) continue;
    const f0 = 180 * (140 / 180) ** ((t - 0.2) / (WARM_UP_SEC - 0.4));
    phase += (2 * Math.PI * f0) / sampleRateHz;
    let s = 0;
    for (let h = 1; h * f0 < top; h++) s += Math.sin(h * phase) / h;
    x[i] += 0.1 * Math.sin(Math.PI * 4 * (t - 0.2)) ** 2 * s;
  }
  return x;
}

function sentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `The analysis failed: ${text.replace(/\.$/, '')}.`;
}

/** Handle one request (the worker's whole job); never throws. */
export function handleAnalysisRequest(request: AnalysisRequest): AnalysisResponse {
  try {
    if (request.type === 'warmUp') {
      const signal = warmUpSignal(request.sampleRateHz);
      for (let i = 0; i < WARM_UP_PASSES; i++) {
        analyzeToJson({ channels: [signal], sampleRateHz: request.sampleRateHz }, { lang: 'en', script: 'warm up, now' }, 'warm-up');
      }
      return { id: request.id, ok: true, report: null };
    }
    const report = analyzeToJson({ channels: request.channels, sampleRateHz: request.sampleRateHz }, request.options, request.fileLabel);
    return { id: request.id, ok: true, report };
  } catch (error) {
    return { id: request.id, ok: false, message: sentence(error) };
  }
}
