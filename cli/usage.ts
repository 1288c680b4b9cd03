/** The --help text of voicedrill. */
import { DECIMALS } from './analysis.ts';
import { DECODE_LIMITS, formatBytes } from './decode-file.ts';

/** The full --help text, ending with a newline. */
export function usageText(): string {
  const { maxFileBytes, maxDurationSec, maxSamples } = DECODE_LIMITS;
  return `voicedrill: measures the delivery of a spoken recording (rate, level, pitch, pauses)
against the VoiceDrill guidelines.

Usage:
  voicedrill analyze FILE... [--lang zh|en] [--script TEXT | --script-file PATH]
                             [--channel mix|left|right] [--json]
  voicedrill --help
  voicedrill --version

Reads wav, mp3, ogg/opus, webm/opus, flac and m4a.

Options:
  --lang zh|en              language of the script (default: guessed from the script, else en)
  --script TEXT             the text that was read aloud; its syllables give the speaking rate
  --script-file PATH        the same, read from a UTF-8 text file
  --channel mix|left|right  which channel of a stereo file to analyse (default: mix)
  --json                    print JSON: one object per file, an array when several files are given
  -h, --help                show this help
  --version                 print the VoiceDrill version and the analysis version

Output:
  A table per file by default; "–" means not measured. Numbers are rounded the same way in
  the table, in --json and in the app: seconds ${DECIMALS.sec} decimals, dB ${DECIMALS.db}, Hz ${DECIMALS.hz}, semitones ${DECIMALS.st},
  syllables/s ${DECIMALS.perSec}, per minute ${DECIMALS.perMinute}, fractions 3 significant digits.

Limits:
  Files up to ${formatBytes(maxFileBytes)} and ${maxDurationSec / 3600} hours of audio, and at most ${maxSamples / 1e6} million
  decoded samples (${maxDurationSec / 3600} hours of 48 kHz stereo); longer files are refused, not truncated.

Exit status:
  0  every file was analysed
  1  at least one file could not be read or analysed (the others are still printed)
  2  usage error (nothing was analysed)
`;
}
