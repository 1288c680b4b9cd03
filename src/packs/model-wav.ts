/**
 * The check of a model recording inside a pack file: a whole RIFF/WAVE file of 16-bit PCM mono with audio.
 * Synchronous over bytes in memory (src/media's readWavLayout reads through an async ReadBytes); the rules
 * are the same: a header that contradicts itself or a file cut short is refused.
 */
import { looksLikeWav } from '../media/wav-layout.ts';

const FORMAT_PCM = 1;
const FORMAT_EXTENSIBLE = 0xfffe;
const MAX_HEADER_CHUNKS = 64;

const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

/** Why `wav` is not a 16-bit PCM mono WAV file with audio (a clause), or null when it is one. */
export function modelWavProblem(wav: Uint8Array): string | null {
  if (!looksLikeWav(wav)) return 'is not a WAV file (it has no RIFF/WAVE header)';
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let at = 12;
  let fmtAt = -1;
  let fmtBytes = 0;
  for (let k = 0; k < MAX_HEADER_CHUNKS && at + 8 <= wav.length; k++) {
    const id = ascii(wav, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > wav.length) return 'has a WAV format chunk too short to be one';
      fmtAt = body;
      fmtBytes = Math.min(size, wav.length - body);
    } else if (id === 'data') {
      if (fmtAt < 0) return 'has its WAV audio before its format chunk';
      let code = view.getUint16(fmtAt, true);
      // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID (at 24) starts with the real format code.
      if (code === FORMAT_EXTENSIBLE && fmtBytes >= 26) code = view.getUint16(fmtAt + 24, true);
      const channels = view.getUint16(fmtAt + 2, true);
      const rateHz = view.getUint32(fmtAt + 4, true);
      const blockAlign = view.getUint16(fmtAt + 12, true);
      const bits = view.getUint16(fmtAt + 14, true);
      if (code !== FORMAT_PCM || bits !== 16 || channels !== 1) {
        return `is not 16-bit PCM mono (it is format 0x${code.toString(16)}, ${bits} bits, ${channels} channel${channels === 1 ? '' : 's'})`;
      }
      if (blockAlign !== 2 || rateHz < 8000 || rateHz > 192_000) return `has a WAV header that contradicts itself (${rateHz} Hz, ${blockAlign} bytes per frame)`;
      if (body + size > wav.length) return 'is cut short (its audio ends before its header says)';
      if (size < 2) return 'holds no audio';
      return null;
    }
    at = body + size + (size % 2);
  }
  return 'has no WAV audio chunk';
}
