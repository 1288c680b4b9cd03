/**
 * The call worker's client with a fake worker: progress reaches the caller, the result or the file's error
 * comes back, and the worker is terminated when the analysis ends, fails or is cancelled (the only way to
 * stop it mid-file). The Calls screen's progress line and error sentences.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { analyseCallInWorker, CallAnalysisError, type CallAnalysis, type CallWorkerLike } from '../../src/workers/call-client.ts';
import type { CallRequest, CallResponse } from '../../src/workers/call-protocol.ts';
import { failureKind, failureText, progressFraction, progressText, timeLeftSec } from '../../src/features/calls/calls-model.ts';
import { StorageError } from '../../src/storage/index.ts';

class FakeWorker implements CallWorkerLike {
  onmessage: ((event: { data: CallResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  posted: CallRequest[] = [];
  terminated = 0;
  postMessage(message: CallRequest): void { this.posted.push(message); }
  terminate(): void { this.terminated++; }
  send(data: CallResponse): void { this.onmessage?.({ data }); }
}

const file = new File(['x'], 'call.wav');
const options = { agentChannel: 'left' as const, lang: 'en' as const, calibrationLevelDbfs: null };

describe('analyseCallInWorker', () => {
  it('posts the file, passes progress on, resolves with the analysis and terminates the worker', async () => {
    const worker = new FakeWorker();
    const seen: unknown[] = [];
    const pending = analyseCallInWorker(() => worker, file, options, (p) => seen.push(p));
    expect(worker.posted).toEqual([{ type: 'analyse', file, options }]);
    worker.send({ type: 'progress', phase: 'reading', fedSec: 3, durationSec: 10 });
    const analysis = { durationSec: 10 } as unknown as CallAnalysis;
    worker.send({ type: 'done', analysis });
    await expect(pending).resolves.toBe(analysis);
    expect(seen).toEqual([{ phase: 'reading', fedSec: 3, durationSec: 10 }]);
    expect(worker.terminated).toBe(1);
  });

  it('rejects with the file’s error kind, and on a crash of the worker', async () => {
    const worker = new FakeWorker();
    const pending = analyseCallInWorker(() => worker, file, options, () => undefined);
    worker.send({ type: 'error', kind: 'channels', message: 'call.wav has 3 channels; a call must be mono or stereo.', channelCount: 3 });
    await expect(pending).rejects.toMatchObject({ name: 'CallAnalysisError', kind: 'channels', channelCount: 3 });
    expect(worker.terminated).toBe(1);
    const crashing = new FakeWorker();
    const crashed = analyseCallInWorker(() => crashing, file, options, () => undefined);
    crashing.onerror?.({ message: 'out of memory' });
    await expect(crashed).rejects.toMatchObject({ kind: 'unknown', message: expect.stringContaining('call.wav') });
    expect(crashing.terminated).toBe(1);
  });

  it('cancel terminates the worker at once and ignores anything it still sends', async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const pending = analyseCallInWorker(() => worker, file, options, () => undefined, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(1);
    expect(worker.onmessage).toBeNull();
    const never = new FakeWorker();
    await expect(analyseCallInWorker(() => never, file, options, () => undefined, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(never.posted).toEqual([]);
  });
});

describe('the Calls screen’s texts', () => {
  it('shows percent, then time left at the pace so far, then the finishing step', () => {
    const p = { phase: 'reading' as const, fedSec: 30, durationSec: 120 };
    expect(progressFraction(p)).toBe(0.25);
    expect(timeLeftSec(p, 10_000)).toBeCloseTo(30, 9);
    expect(timeLeftSec({ ...p, fedSec: 1 }, 10_000)).toBeNull();
    expect(progressText('en', 'a.wav', p, 10_000)).toBe('Analysing a.wav: 25 % · about 0:30 left');
    expect(progressText('zh-CN', 'a.wav', p, 10_000)).toBe('正在分析 a.wav：25% · 约剩 0:30');
    expect(progressText('en', 'a.wav', { ...p, durationSec: null }, 10_000)).toBe(t('en', 'calls.progress.starting', { file: 'a.wav' }));
    expect(progressText('en', 'a.wav', { phase: 'analysing', fedSec: 120, durationSec: 120 }, 10_000)).toBe(t('en', 'calls.progress.finishing', { file: 'a.wav' }));
  });

  it('turns each failure into one sentence naming the file', () => {
    const e = new CallAnalysisError('channels', 'x', 4);
    expect(failureText('en', 'four.wav', e)).toBe('four.wav has 4 channels; a call must be mono or stereo.');
    expect(failureKind(e)).toBe('channels');
    expect(failureText('zh-CN', 'four.wav', e)).toBe('four.wav 有 4 个声道；通话录音必须是单声道或立体声。');
    const full = new StorageError('quota', 'full');
    expect(failureKind(full)).toBe('storage-quota');
    expect(failureText('en', 'a.wav', full)).toBe(t('en', 'calls.error.saveQuota', { file: 'a.wav' }));
    expect(failureText('en', 'a.wav', new Error('?'))).toBe(t('en', 'calls.error.unknown', { file: 'a.wav' }));
  });
});
