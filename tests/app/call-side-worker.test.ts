/**
 * The two-thread analysis of a stereo call: the right channel in a side worker (here its host behind a
 * real MessageChannel, so every message is structured-cloned and every chunk transferred as in the
 * browser) gives exactly the report of analyzeCall (the CLI's path) with the agent on either channel,
 * and the same peaks as the one-thread stream. Chunks are transferred, at most PUSHES_IN_FLIGHT wait
 * unanswered, a failing side worker fails the analysis with its reason, and the side worker is always
 * terminated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCall, createCallStream, createSplitCallStream } from '../../src/analysis/calls/index.ts';
import { analyseCallFile } from '../../src/workers/call-analysis.ts';
import { connectCallSide, PUSHES_IN_FLIGHT, type SideWorkerLike } from '../../src/workers/call-side-client.ts';
import { createSideHost } from '../../src/workers/call-side-host.ts';
import type { SideRequest, SideResponse } from '../../src/workers/call-side-protocol.ts';
import type { OwnedScratchFile, ScratchHost } from '../../src/workers/scratch-files.ts';
import { memoryScratch, twoPageCall } from '../helpers/memory-scratch.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';
import { encodeWav } from '../helpers/wav.ts';

const call = buildCall({
  sampleRateHz: 22050,
  durationSec: 30,
  agentChannel: 'left',
  utterances: inSequence(1, [
    { speaker: 'agent', syllables: 14, syllablesPerSec: 4, gapSec: 0 },
    { speaker: 'customer', syllables: 18, syllablesPerSec: 5, gapSec: 0.5 },
    { speaker: 'agent', syllables: 20, syllablesPerSec: 4.2, gapSec: 0.8 },
    { speaker: 'customer', syllables: 10, syllablesPerSec: 4.5, gapSec: 4 },
    { speaker: 'agent', syllables: 12, syllablesPerSec: 4, gapSec: -1.2 },
  ]),
});

type FakeSideWorker = SideWorkerLike & { terminated: boolean; requests: SideRequest['type'][] };
const open: FakeSideWorker[] = [];

/** A side worker: its host on the far end of a MessageChannel; `tamper` may replace an answer. */
function sideWorker(tamper: (answer: SideResponse) => SideResponse = (a) => a, scratch?: ScratchHost): FakeSideWorker {
  const { port1, port2 } = new MessageChannel();
  const host = createSideHost((answer, transfer = []) => port2.postMessage(tamper(answer), transfer), scratch);
  port2.onmessage = (e: MessageEvent<SideRequest>) => host(e.data);
  const worker: FakeSideWorker = {
    onmessage: null,
    onerror: null,
    terminated: false,
    requests: [],
    postMessage(message, transfer = []) {
      worker.requests.push(message.type);
      port1.postMessage(message, transfer);
    },
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
  };
  port1.onmessage = (e: MessageEvent<SideResponse>) => worker.onmessage?.({ data: e.data });
  open.push(worker);
  return worker;
}

afterEach(() => {
  for (const w of open.splice(0)) if (!w.terminated) w.terminate();
});

/** The call fed in `chunk`-frame pieces (fresh arrays, as a reader gives them) to the two-thread stream. */
async function splitRun(agentChannel: 'left' | 'right', chunk: number) {
  const worker = sideWorker();
  const side = connectCallSide(worker, call.input.sampleRateHz);
  const stream = createSplitCallStream(call.input.sampleRateHz, side);
  const n = call.input.channels[0].length;
  for (let at = 0; at < n; at += chunk) await stream.push(call.input.channels.map((c) => c.slice(at, Math.min(n, at + chunk))));
  const result = await stream.finish({ agentChannel, lang: 'en' });
  side.release();
  return { result, worker };
}

describe('a stereo call on two threads (createSplitCallStream with a side worker)', { timeout: 120_000 }, () => {
  for (const agentChannel of ['left', 'right'] as const) {
    it(`gives analyzeCall's report exactly, agent on the ${agentChannel}`, async () => {
      const whole = analyzeCall(call.input, { agentChannel, lang: 'en' });
      expect(whole.turns.length).toBeGreaterThanOrEqual(4);
      expect(whole.findings.some((f) => f.id === 'overtalk')).toBe(true);
      const { result, worker } = await splitRun(agentChannel, 40_000);
      expect(result.report).toEqual(whole);
      expect(worker.requests.filter((t) => t === 'push').length).toBe(Math.ceil(call.input.channels[0].length / 40_000));
      expect(worker.requests.slice(-3)).toEqual(['summary', 'speech', 'measure']);
    });
  }

  it('keeps the same peaks and opening as the one-thread stream', async () => {
    const one = createCallStream(call.input.sampleRateHz, 2);
    one.push(call.input.channels);
    const ref = one.finish({ agentChannel: 'left', lang: 'en' });
    const { result } = await splitRun('left', 65_536);
    expect(result.peaks).toEqual(ref.peaks);
    // Compared sample by sample: toEqual over 1.3 M samples takes seconds.
    expect(result.opening.channels.map((c) => c.length)).toEqual(ref.opening.channels.map((c) => c.length));
    expect(result.opening.channels.every((c, k) => c.every((x, i) => x === ref.opening.channels[k][i]))).toBe(true);
  });
});

describe('the side worker client', () => {
  it('transfers each chunk (the caller keeps no copy) and holds the reader back once PUSHES_IN_FLIGHT wait', async () => {
    const posted: SideRequest[] = [];
    const silent: SideWorkerLike = { onmessage: null, onerror: null, postMessage: (m) => posted.push(m), terminate: () => undefined };
    const side = connectCallSide(silent, 16000);
    const chunk = new Float32Array(1000);
    let settled = 0;
    for (let k = 0; k < PUSHES_IN_FLIGHT; k++) void side.push(k === 0 ? chunk : new Float32Array(10)).then(() => settled++);
    await new Promise((r) => setTimeout(r, 20));
    expect(posted.map((m) => m.type)).toEqual(['start', ...Array<string>(PUSHES_IN_FLIGHT).fill('push')]);
    expect(settled).toBe(PUSHES_IN_FLIGHT - 1); // the last waits for the first answer
    silent.onmessage?.({ data: { type: 'pushed' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(PUSHES_IN_FLIGHT);
    side.release();
  });

  it('gets each whole chunk back from the side worker once taken, to be filled again (spare)', async () => {
    const worker = sideWorker();
    const side = connectCallSide(worker, 16000);
    await side.push(new Float32Array(1000).fill(0.25));
    await side.push(new Float32Array(500));
    const whole = new Float32Array(100);
    await side.push(whole.subarray(0, 50)); // a view: copied, its copy comes back
    await side.summary(); // every push answered by now
    expect(side.spare(700)).toBeUndefined();
    const back = side.spare(1000);
    expect(back?.length).toBe(1000);
    expect(back?.every((x) => x === 0.25)).toBe(true);
    expect(side.spare(1000)).toBeUndefined(); // handed out once
    expect(side.spare(500)?.length).toBe(500);
    expect(side.spare(50)?.length).toBe(50);
    side.release();
  });

  it('copies a view into a larger buffer instead of transferring the buffer', async () => {
    const posted: { message: SideRequest; transfer?: Transferable[] }[] = [];
    const w: SideWorkerLike = { onmessage: null, onerror: null, postMessage: (message, transfer) => posted.push({ message, transfer }), terminate: () => undefined };
    const side = connectCallSide(w, 16000);
    const whole = new Float32Array(100).fill(0.5);
    void side.push(whole.subarray(10, 20));
    const sent = posted[1].message as Extract<SideRequest, { type: 'push' }>;
    expect(sent.samples).toEqual(new Float32Array(10).fill(0.5));
    expect(sent.samples.buffer).not.toBe(whole.buffer);
    expect(posted[1].transfer).toEqual([sent.samples.buffer]);
    side.release();
  });
});

describe('analyseCallFile with a side worker (the browser call worker’s job)', { timeout: 120_000 }, () => {
  const options = { agentChannel: 'right' as const, lang: 'en' as const, calibrationLevelDbfs: null };
  const wav = (): File => new File([encodeWav(call.input.channels, 22050, 'float32') as Uint8Array<ArrayBuffer>], 'call.wav', { type: 'audio/wav' });

  it('gives the one-thread report with progress, and terminates the side worker', async () => {
    const spawned: FakeSideWorker[] = [];
    let clock = 0;
    const progress: string[] = [];
    const done = await analyseCallFile(wav(), options, (p) => progress.push(p.phase), () => (clock += 1000), () => {
      spawned.push(sideWorker());
      return spawned[0];
    });
    const oneThread = await analyseCallFile(wav(), options, () => undefined);
    expect(done.report).toEqual(oneThread.report);
    expect(done.report).toEqual(analyzeCall(call.input, { agentChannel: 'right', lang: 'en' }));
    expect(done.peaks).toEqual(oneThread.peaks);
    expect(spawned).toHaveLength(1);
    expect(spawned[0].terminated).toBe(true);
    expect(progress[0]).toBe('reading');
    expect(progress.at(-1)).toBe('analysing');
  });

  it('fails with the side worker’s reason when it fails, and terminates it', async () => {
    let spawned: FakeSideWorker | null = null;
    const broken = (): SideWorkerLike => (spawned = sideWorker((a) => (a.type === 'speech' ? { type: 'error', message: 'out of memory' } : a)));
    await expect(analyseCallFile(wav(), options, () => undefined, undefined, broken)).rejects.toThrow('out of memory');
    expect((spawned as FakeSideWorker | null)?.terminated).toBe(true);
  });

  it('does not start a side worker for a mono file', async () => {
    let spawns = 0;
    const mono = new File([encodeWav([call.input.channels[0].subarray(0, 22050 * 3)], 22050) as Uint8Array<ArrayBuffer>], 'mono.wav');
    const done = await analyseCallFile(mono, options, () => undefined, undefined, () => (spawns++, sideWorker()));
    expect(done.agentChannel).toBe('mono');
    expect(spawns).toBe(0);
  });
});

/** A ScratchHost in memory that records what it handed out, what was written and what was released. */
function scratchHost(failOpen = false, failReadsOfFile = -1) {
  const files: { writes: () => number; released: boolean }[] = [];
  let sweeps = 0;
  const host: ScratchHost = {
    async open() {
      if (failOpen) return null;
      const { file, seen } = memoryScratch();
      const entry = { writes: () => seen.writes, released: false };
      const failing = files.push(entry) - 1 === failReadsOfFile;
      const read = failing ? () => { throw new Error('the scratch file is gone'); } : file.read;
      const owned: OwnedScratchFile = { ...file, read, release: async () => void (entry.released = true) };
      return owned;
    },
    async sweep() {
      sweeps++;
    },
  };
  return { host, files, sweeps: () => sweeps };
}

describe('analyseCallFile with scratch files (the stored signal out of the workers’ memory)', { timeout: 120_000 }, () => {
  const long = twoPageCall();
  const options = { agentChannel: 'left' as const, lang: 'en' as const, calibrationLevelDbfs: null };
  const wav = (): File => new File([encodeWav(long.input.channels, 8000, 16) as Uint8Array<ArrayBuffer>], 'long.wav', { type: 'audio/wav' });

  it('gives the report of memory, one file per thread, each written and released before the answer; stale files swept first', async () => {
    const plain = await analyseCallFile(wav(), options, () => undefined);
    const scratch = scratchHost();
    const done = await analyseCallFile(wav(), options, () => undefined, undefined, () => sideWorker(undefined, scratch.host), scratch.host);
    expect(plain.report.turns.length).toBeGreaterThanOrEqual(4);
    expect(done.report).toEqual(plain.report);
    expect(scratch.sweeps()).toBe(1);
    expect(scratch.files).toHaveLength(2); // the call worker's left channel, the side worker's right
    expect(scratch.files.map((f) => f.writes())).toEqual([2, 2]);
    expect(scratch.files.every((f) => f.released)).toBe(true);
    // One thread (no side worker): a file per channel.
    const oneThread = scratchHost();
    expect((await analyseCallFile(wav(), options, () => undefined, undefined, undefined, oneThread.host)).report).toEqual(plain.report);
    expect(oneThread.files.map((f) => [f.writes(), f.released])).toEqual([[2, true], [2, true]]);
  });

  it('releases the files when the side fails on its file, and keeps the signal in memory when no file can be had', async () => {
    const scratch = scratchHost(false, 1); // the side worker's file cannot be read back
    await expect(analyseCallFile(wav(), options, () => undefined, undefined, () => sideWorker(undefined, scratch.host), scratch.host)).rejects.toThrow('the scratch file is gone');
    expect(scratch.files).toHaveLength(2);
    expect(scratch.files.every((f) => f.released)).toBe(true);
    const none = scratchHost(true);
    const plain = await analyseCallFile(wav(), options, () => undefined);
    expect((await analyseCallFile(wav(), options, () => undefined, undefined, () => sideWorker(undefined, none.host), none.host)).report).toEqual(plain.report);
  });
});
