/** A small WAV encoder for tests, fixtures and benchmarks: 16-bit PCM or 32-bit float, any channel count. */

/** Sample encoding: 16 = 16-bit integer PCM (format 1), 'float32' = IEEE float (format 3). */
export type WavEncoding = 16 | 'float32';

/**
 * RIFF/WAVE bytes of the given channels (all the same length, samples in −1…1; 16-bit values are
 * clipped and rounded). Layout per the Microsoft RIFF spec: fmt chunk (16 bytes; 18 with cbSize and
 * a fact chunk for float, as WAVE_FORMAT_IEEE_FLOAT requires), then interleaved data.
 */
export function encodeWav(channels: Float32Array[], sampleRateHz: number, encoding: WavEncoding = 16): Uint8Array {
  const channelCount = channels.length;
  if (channelCount === 0) throw new Error('encodeWav needs at least one channel');
  const frames = channels[0].length;
  if (channels.some((c) => c.length !== frames)) throw new Error('encodeWav: channels differ in length');
  const isFloat = encoding === 'float32';
  const bytesPerSample = isFloat ? 4 : 2;
  const blockAlign = channelCount * bytesPerSample;
  const dataBytes = frames * blockAlign;
  const fmtBytes = isFloat ? 18 : 16;
  const factBytes = isFloat ? 12 : 0;
  const totalBytes = 12 + (8 + fmtBytes) + factBytes + 8 + dataBytes;

  const buffer = new ArrayBuffer(totalBytes);
  const view = new DataView(buffer);
  let pos = 0;
  const text = (s: string): void => {
    for (let i = 0; i < s.length; i++) view.setUint8(pos++, s.charCodeAt(i));
  };
  const u32 = (x: number): void => {
    view.setUint32(pos, x, true);
    pos += 4;
  };
  const u16 = (x: number): void => {
    view.setUint16(pos, x, true);
    pos += 2;
  };

  text('RIFF');
  u32(totalBytes - 8);
  text('WAVE');
  text('fmt ');
  u32(fmtBytes);
  u16(isFloat ? 3 : 1);
  u16(channelCount);
  u32(sampleRateHz);
  u32(sampleRateHz * blockAlign);
  u16(blockAlign);
  u16(bytesPerSample * 8);
  if (isFloat) {
    u16(0); // cbSize
    text('fact');
    u32(4);
    u32(frames);
  }
  text('data');
  u32(dataBytes);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      const x = channels[c][i];
      if (isFloat) {
        view.setFloat32(pos, x, true);
        pos += 4;
      } else {
        const clipped = Math.max(-1, Math.min(1, x));
        view.setInt16(pos, Math.round(clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff), true);
        pos += 2;
      }
    }
  }
  return new Uint8Array(buffer);
}

/** A deterministic stereo test signal: a sine on the left, a ramp on the right, within ±0.9. */
export function testChannels(frames: number): Float32Array[] {
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = 0.9 * Math.sin(i * 0.05);
    right[i] = -0.9 + (1.8 * i) / Math.max(1, frames - 1);
  }
  return [left, right];
}
