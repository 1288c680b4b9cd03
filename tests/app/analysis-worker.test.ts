import { describe, expect, it } from 'vitest';
import { analyzeToJson } from '../../src/analysis/index.ts';
import { AnalysisAbortedError, AnalysisClient, type WorkerLike } from '../../src/workers/analysis-client.ts';
import { handleAnalysisRequest, warmUpSignal, type AnalysisRequest, type AnalysisResponse } from '../../src/workers/analysis-protocol.ts';
import { speechLike } from '../helpers/synth.ts';

const RATE = 16000;
const voice = (): Float32Array => speechLike({
  sampleRateHz: RATE, durationSec: 2.5, noiseDbfs: -70, seed: 9,
  phrases: [{ startSec: 0.3, endSec: 2.1, f0StartHz: 150, f0EndHz: 130, levelDbfs: -22, syllablesPerSec: 4 }],
});

/** A worker that runs the protocol in the same thread, asynchronously, like the real one. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: AnalysisResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  received: AnalysisRequest[] = [];
  transfers: ArrayBuffer[][] = [];
  hold = false;
  private held: AnalysisRequest[] = [];

  postMessage(message: AnalysisRequest, transfer: ArrayBuffer[]): void {
    this.received.push(message);
    this.transfers.push(transfer);
    if (this.hold) this.held.push(message);
    else setTimeout(() => this.answer(message), 0);
  }

  release(): void {
    for (const m of this.held.splice(0)) this.answer(m);
  }

  terminate(): void {
    this.terminated = true;
  }

  private answer(message: AnalysisRequest): void {
    if (!this.terminated) this.onmessage?.({ data: handleAnalysisRequest(message) });
  }
}

function clientWithFakes(): { client: AnalysisClient; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const client = new AnalysisClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}

describe('the worker’s side', () => {
  it('answers with analyzeToJson’s report, the CLI’s JSON object', () => {
    const x = voice();
    const response = handleAnalysisRequest({ type: 'analyse', id: 7, channels: [x], sampleRateHz: RATE, options: { lang: 'en', script: 'hello there' }, fileLabel: 'take-1' });
    expect(response).toEqual({ id: 7, ok: true, report: analyzeToJson({ channels: [x], sampleRateHz: RATE }, { lang: 'en', script: 'hello there' }, 'take-1') });
  });

  it('turns an error into a sentence', () => {
    const response = handleAnalysisRequest({ type: 'analyse', id: 8, channels: [], sampleRateHz: RATE, options: {}, fileLabel: 'x' });
    expect(response).toEqual({ id: 8, ok: false, message: 'The analysis failed: the audio has no channels.' });
  });

  it('warms up on a voiced signal', () => {
    expect(handleAnalysisRequest({ type: 'warmUp', id: 1, sampleRateHz: 44100 })).toEqual({ id: 1, ok: true, report: null });
    expect(analyzeToJson({ channels: [warmUpSignal(RATE)], sampleRateHz: RATE }, {}, 'w').speechFound).toBe(true);
  });
});

describe('the analysis client', () => {
  it('sends the audio (transferring its buffer) and resolves with the report', async () => {
    const { client, workers } = clientWithFakes();
    const x = voice();
    const expected = analyzeToJson({ channels: [x.slice()], sampleRateHz: RATE }, { lang: 'en' }, 'take-2');
    const report = await client.analyse({ channels: [x], sampleRateHz: RATE }, { lang: 'en' }, 'take-2');
    expect(report).toEqual(expected);
    expect(workers).toHaveLength(1);
    expect(workers[0].transfers[0]).toEqual([x.buffer]);
    client.dispose();
    expect(workers[0].terminated).toBe(true);
  });

  it('rejects with the worker’s sentence', async () => {
    const { client } = clientWithFakes();
    await expect(client.analyse({ channels: [], sampleRateHz: RATE }, {}, 'x')).rejects.toThrow('The analysis failed: the audio has no channels.');
  });

  it('aborts by terminating the worker; the next request starts a new one', async () => {
    const { client, workers } = clientWithFakes();
    const controller = new AbortController();
    const first = client.analyse({ channels: [voice()], sampleRateHz: RATE }, {}, 'a', controller.signal);
    workers[0].hold = true;
    controller.abort();
    await expect(first).rejects.toBeInstanceOf(AnalysisAbortedError);
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
    await expect(client.analyse({ channels: [voice()], sampleRateHz: RATE }, {}, 'b')).resolves.toMatchObject({ file: 'b' });
    expect(workers).toHaveLength(2);
    const aborted = new AbortController();
    aborted.abort();
    await expect(client.analyse({ channels: [voice()], sampleRateHz: RATE }, {}, 'c', aborted.signal)).rejects.toBeInstanceOf(AnalysisAbortedError);
  });

  it('fails pending requests when the worker crashes, with a sentence for people', async () => {
    const { client, workers } = clientWithFakes();
    const pending = client.analyse({ channels: [voice()], sampleRateHz: RATE }, {}, 'a');
    workers[0].hold = true;
    workers[0].onerror?.({ message: 'out of memory' });
    await expect(pending).rejects.toThrow('The analysis engine stopped unexpectedly (out of memory). Reload the page and try again; your recording is saved.');
    expect(workers[0].terminated).toBe(true);
  });

  it('warms up once per sample rate', async () => {
    const { client, workers } = clientWithFakes();
    await client.warmUp(48000);
    await client.warmUp(48000);
    await client.warmUp(44100);
    expect(workers[0].received.map((m) => m.type === 'warmUp' && m.sampleRateHz)).toEqual([48000, 44100]);
    client.dispose();
  });
});
