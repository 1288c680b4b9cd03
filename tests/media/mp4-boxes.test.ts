/**
 * src/media/mp4-boxes.ts on ffmpeg's M4A files: whole ones (index at the end, and in front with
 * +faststart) are not truncated; cut in half, each is, in one clause that says why (with the index in
 * front: the declared and the present length). The call worker refuses the cut file before decoding.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4Truncation, type ReadBytes } from '../../src/media/index.ts';
import { analyseCallFile } from '../../src/workers/call-analysis.ts';
import { CallFileError } from '../../src/workers/call-file-error.ts';

const HAVE_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;
const readerOf = (bytes: Uint8Array): ReadBytes => async (offset, length) => bytes.slice(offset, offset + length);
const truncation = (bytes: Uint8Array): Promise<string | null> => mp4Truncation(readerOf(bytes), bytes.length);

describe.runIf(HAVE_FFMPEG)('mp4Truncation', () => {
  let dir = '';
  const files: Record<string, Uint8Array> = {};
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'voicedrill-mp4-'));
    // 20 s of stereo tone bursts at 16 kHz, AAC at 32 kb/s.
    const source = ['-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=16000:duration=20,volume=0.3', '-ac', '2', '-c:a', 'aac', '-b:a', '32k'];
    for (const [name, extra] of [['tail.m4a', []], ['front.m4a', ['-movflags', '+faststart']]] as const) {
      const r = spawnSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', ...source, ...extra, join(dir, name)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      files[name] = new Uint8Array(readFileSync(join(dir, name)));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a whole file is not truncated, with its index at the end or in front', async () => {
    expect(await truncation(files['tail.m4a'])).toBeNull();
    expect(await truncation(files['front.m4a'])).toBeNull();
    expect(await truncation(new TextEncoder().encode('not an mp4 file at all'))).toBeNull();
  });

  it('cut in half with the index in front: the declared length and about half of it', async () => {
    const cut = files['front.m4a'].subarray(0, Math.floor(files['front.m4a'].length / 2));
    const why = await truncation(cut);
    expect(why).toMatch(/^the file is truncated: its header declares 20\.\d\d s of audio but only about (9|10)\.\d\d s is there$/);
  });

  it('cut in half with the index at the end (so it is missing): how much of the audio box is gone', async () => {
    const whole = files['tail.m4a'];
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    expect(await truncation(cut)).toMatch(/^the file is truncated: it ends \d+ bytes before the end of its 'mdat' box$/);
  });

  it('the call worker refuses the cut file as truncated, naming it, before decoding', async () => {
    const cut = files['front.m4a'].slice(0, Math.floor(files['front.m4a'].length / 2));
    const e = await analyseCallFile(new File([cut], 'cut.m4a'), { agentChannel: 'left', lang: 'en', calibrationLevelDbfs: null }, () => undefined).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(CallFileError);
    expect((e as CallFileError).kind).toBe('truncated');
    expect((e as CallFileError).message).toMatch(/^cut\.m4a: the file is truncated: its header declares 20\.\d\d s of audio but only about/);
  });
});
