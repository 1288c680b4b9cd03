/** Byte-level media containers, pure (no Node, no DOM): what the CLI and the call worker read files with. */
export { looksLikeWav, readWavLayout, WavError, type ReadBytes, type WavErrorKind, type WavLayout } from './wav-layout.ts';
export { decodeWavBlock, WAV_READ_BYTES, wavBlocks, type WavBlockOptions } from './wav-samples.ts';
export { looksLikeMp4, mp4Truncation } from './mp4-boxes.ts';
