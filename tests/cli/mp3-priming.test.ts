/** mp3 priming: a first frame with a Xing/Info/VBRI header is trimmed by the decoder, one without is not. */
import { describe, expect, it } from 'vitest';
import { dropLeadingFrames, LAME_ENCODER_DELAY_SAMPLES, MP3_DECODER_DELAY_SAMPLES, untrimmedPrimingSamples } from '../../cli/mp3-priming.ts';

/** A 64-byte first frame: MPEG version bits, channel mode, and `tag` at `at`. */
function frame(version: 'mpeg1' | 'mpeg2', mono: boolean, tag?: string, at = 0): Uint8Array {
  const b = new Uint8Array(64);
  b[0] = 0xff;
  // Sync, version (11 MPEG-1, 10 MPEG-2), layer III (01), no CRC (1).
  b[1] = version === 'mpeg1' ? 0xfb : 0xf3;
  b[2] = 0x90;
  b[3] = mono ? 0xc0 : 0x00;
  if (tag) for (let i = 0; i < tag.length; i++) b[at + i] = tag.charCodeAt(i);
  return b;
}

const UNTRIMMED = MP3_DECODER_DELAY_SAMPLES + LAME_ENCODER_DELAY_SAMPLES;

describe('untrimmedPrimingSamples', () => {
  it.each([
    ['MPEG-1 stereo, Info at 36', frame('mpeg1', false, 'Info', 36), 0],
    ['MPEG-1 mono, Xing at 21', frame('mpeg1', true, 'Xing', 21), 0],
    ['MPEG-2 stereo, Info at 21', frame('mpeg2', false, 'Info', 21), 0],
    ['MPEG-2 mono, Xing at 13', frame('mpeg2', true, 'Xing', 13), 0],
    ['VBRI at 36', frame('mpeg1', false, 'VBRI', 36), 0],
    ['no header', frame('mpeg1', false), UNTRIMMED],
    ['Info at the wrong place', frame('mpeg1', false, 'Info', 21), UNTRIMMED],
  ])('%s', (_name, bytes, expected) => {
    expect(untrimmedPrimingSamples(bytes)).toBe(expected);
  });
});

describe('dropLeadingFrames', () => {
  async function* chunks(lengths: number[]): AsyncGenerator<{ channelData: Float32Array[] }> {
    let t = 0;
    for (const n of lengths) {
      const c = Float32Array.from({ length: n }, () => t++);
      yield { channelData: [c, c.map((x) => -x)] };
    }
  }
  it('drops whole and partial chunks from every channel and keeps the rest in order', async () => {
    const out: number[][] = [[], []];
    for await (const { channelData } of dropLeadingFrames(chunks([3, 4, 5]), 5)) channelData.forEach((c, k) => out[k].push(...c));
    expect(out[0]).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(out[1]).toEqual([-5, -6, -7, -8, -9, -10, -11]);
  });
});
