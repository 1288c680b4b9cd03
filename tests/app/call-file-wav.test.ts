/**
 * A whole WAV call file through analyseCallFile (the call worker's job): the report of the call analysed
 * in one piece, with progress; a mono file analysed as a mono call; and its refusals (empty, 3 channels,
 * not audio, cut short) name the file (the reader itself: tests/media/wav-reader.test.ts); a Microsoft ADPCM
 * call (what Windows-based recorders write) analysed as its samples decoded by SoX.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analysis/calls/index.ts';
import { analyseCallFile, type CallProgress } from '../../src/workers/call-analysis.ts';
import { CallFileError } from '../../src/workers/call-file-error.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';
import { encodeWav, testChannels } from '../helpers/wav.ts';

describe('analyseCallFile (the call worker’s job) on WAV files', () => {
  const call = buildCall({
    sampleRateHz: 16000,
    durationSec: 24,
    agentChannel: 'left',
    utterances: inSequence(0.8, [
      { speaker: 'agent', syllables: 12, syllablesPerSec: 4, gapSec: 0 },
      { speaker: 'customer', syllables: 15, syllablesPerSec: 5, gapSec: 0.6 },
      { speaker: 'agent', syllables: 16, syllablesPerSec: 4.2, gapSec: 4 },
      { speaker: 'customer', syllables: 9, syllablesPerSec: 4.5, gapSec: -1.5 },
    ]),
  });
  const options = { agentChannel: 'left' as const, lang: 'en' as const, calibrationLevelDbfs: null };

  it('feeds the file in blocks and gives the report of the call analysed in one piece, with progress', async () => {
    const bytes = encodeWav(call.input.channels, 16000, 'float32');
    const progress: CallProgress[] = [];
    let clock = 0;
    const result = await analyseCallFile(new File([bytes as Uint8Array<ArrayBuffer>], 'call.wav', { type: 'audio/wav' }), options, (p) => progress.push(p), () => (clock += 1000));
    expect(result.report).toEqual(analyzeCall(call.input, { agentChannel: 'left', lang: 'en' }));
    expect(result).toMatchObject({ durationSec: 24, sampleRateHz: 16000, channelCount: 2 });
    expect(result.report.findings.some((f) => f.id === 'deadAir')).toBe(true);
    expect(result.peaks.channels).toHaveLength(2);
    expect(progress[0]).toEqual({ phase: 'reading', fedSec: 0, durationSec: 24 });
    expect(progress.at(-1)).toEqual({ phase: 'analysing', fedSec: 24, durationSec: 24 });
    const fed = progress.filter((p) => p.phase === 'reading').map((p) => p.fedSec);
    expect(fed.length).toBeGreaterThan(2);
    expect(fed).toEqual([...fed].sort((a, b) => a - b));
  });

  const refusal = async (file: File): Promise<CallFileError> => {
    const e = await analyseCallFile(file, options, () => undefined).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(CallFileError);
    expect((e as Error).message).toContain(file.name);
    return e as CallFileError;
  };

  it('analyses a mono file as a mono call (both voices on one channel, told apart by diarisation)', async () => {
    const [one] = testChannels(8000 * 3);
    const done = await analyseCallFile(new File([encodeWav([one], 8000) as Uint8Array<ArrayBuffer>], 'mono.wav'), options, () => undefined);
    expect(done.agentChannel).toBe('mono');
    expect(done.channelCount).toBe(1);
    expect(done.report.agentChannel).toBe('mono');
    expect(done.report.diarisation).not.toBeNull();
  });

  it.runIf(spawnSync('sox', ['--version']).status === 0)('analyses a Microsoft ADPCM call: the report of its samples as SoX decodes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voicedrill-ms-adpcm-'));
    try {
      const [pcm, adpcm, raw] = ['call.wav', 'call-ms.wav', 'call.raw'].map((f) => join(dir, f));
      writeFileSync(pcm, encodeWav(call.input.channels, 16000, 16));
      for (const args of [[pcm, '-e', 'ms-adpcm', adpcm], [adpcm, '-e', 'signed-integer', '-b', '16', '-t', 'raw', raw]]) expect(spawnSync('sox', args).status).toBe(0);
      const result = await analyseCallFile(new File([readFileSync(adpcm)], 'call-ms.wav', { type: 'audio/wav' }), options, () => undefined);
      // SoX also decodes the last, partial block; the reader stops at the last whole one.
      const frames = Math.round(result.durationSec * 16000);
      const bytes = readFileSync(raw);
      const s16 = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
      const reference = [0, 1].map((c) => Float32Array.from({ length: frames }, (_, i) => s16[2 * i + c] / 32768));
      expect(result.durationSec).toBeGreaterThan(23.9);
      expect(result.report).toEqual(analyzeCall({ channels: reference, sampleRateHz: 16000 }, { agentChannel: 'left', lang: 'en' }));
      expect(result.report.findings.some((f) => f.id === 'deadAir')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses empty, 3-channel and non-audio files, naming each', async () => {
    expect((await refusal(new File([], 'empty.wav'))).message).toBe('empty.wav: the file is empty (0 bytes).');
    const short = testChannels(800);
    const three = await refusal(new File([encodeWav([short[0], short[1], short[0]], 8000) as Uint8Array<ArrayBuffer>], 'three.wav'));
    expect(three.kind).toBe('channels');
    expect(three.channelCount).toBe(3);
    // The same sentences as `voicedrill call` (tests/cli/call-bad-files.test.ts), with the file's name in front.
    expect(three.message).toBe('three.wav: the file has 3 channels; a call must be mono or stereo.');
    expect((await refusal(new File(['just some notes, not a recording'], 'notes.wav'))).kind).toBe('notAudio');
    const cut = await refusal(new File([encodeWav(short, 8000).slice(0, 200) as Uint8Array<ArrayBuffer>], 'cut.wav'));
    expect(cut.kind).toBe('truncated');
    expect(cut.message).toBe('cut.wav: the file is truncated: its header declares 0.10 s of audio but only 0.00 s is there.');
  });
});
