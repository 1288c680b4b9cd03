/** The --help text of voicedrill. */
import { DECIMALS } from './analysis.ts';
import { DECODE_LIMITS, formatBytes } from './decode-file.ts';
import { ROSTER_USAGE } from './roster.ts';

/** The full --help text, ending with a newline. */
export function usageText(): string {
  const { maxFileBytes, maxDurationSec, maxSamples } = DECODE_LIMITS;
  return `voicedrill: measures the delivery of a spoken recording (rate, level, pitch, pauses)
against the VoiceDrill guidelines.

Usage:
  voicedrill analyze FILE... [--lang zh|en] [--script TEXT | --script-file PATH]
                             [--channel mix|left|right] [--bands FILE]
                             [--baseline FILE|MEDIAN_HZ,LEVEL_DBFS[,BRIGHTNESS_HZ]] [--json]
                             [--textgrid PATH] [--tracks PATH]   (these two: one FILE only)
  voicedrill call FILE... --agent left|right|mono [--agent-voice first|second] [--lang zh|en] [--json | --csv]
                          [--greeting DRILL] [--name NAME] [--company NAME]
                          [--textgrid PATH]   (--textgrid: one FILE only)
${ROSTER_USAGE}  voicedrill pack validate FILE...
  voicedrill pack link FILE [--base URL]
  voicedrill --help
  voicedrill --version

Reads wav, mp3, ogg/opus, webm/opus, flac, m4a and aac (ADTS).

Options of analyze:
  --lang zh|en              language of the script (default: guessed from the script, else en)
  --script TEXT             the text that was read aloud; its syllables give the speaking rate
                            (see Script markup); it must be the whole text, not an excerpt
  --script-file PATH        the same, read from a UTF-8 text file
  --channel mix|left|right  which channel of a stereo file to analyse (default: mix); on a
                            one-channel file, right analyses its only channel, with a warning
  --bands FILE              judge against a drill's own bands: a JSON file of overrides of the
                            default bands, e.g. {"rate": {"lowBelow": 15, "goodMin": 20,
                            "goodMax": 30, "highAbove": 40}, "pauses": {"longestMaxSec": 2}},
                            or per language {"zh": {…}, "en": {…}}; edges are numbers or null
                            (open), units cannot be changed, unknown fields are refused
  --baseline FILE|MEDIAN_HZ,LEVEL_DBFS[,BRIGHTNESS_HZ]
                            the agent's calibration, for effort, pitch level and warmth: the
                            --json report of the neutral calibration sentence (or a file of
                            {"medianHz", "activeLevelDbfs", "brightnessHz"}), or the numbers,
                            e.g. --baseline 182,-24.5
  --json                    print JSON: one object per file, an array when several files are given
  --textgrid PATH           also write a Praat TextGrid (UTF-8) of the one FILE: interval tiers
                            "speech" (speech and pause; the silence before and after is unlabelled),
                            "parts" (the script's parts where the analysis placed them, with a
                            script), "key words" (the *key words* where they were located), and the
                            point tier "nuclei" (the syllable nuclei, numbered)
  --tracks PATH             also write the one FILE's pitch and level every 10 ms as CSV:
                            time_s,f0_hz,intensity_db,voiced (f0_hz empty, voiced 0 where
                            unvoiced); neither export
                            overwrites an input, and an unwritable path stops before analysing
Options of call (a recorded call: agent and customer on separate channels, or mixed in mono):
  --agent left|right|mono   the channel the agent is on; the customer is on the other (required);
                            mono: both voices on one channel, told apart by their voices (the one
                            who opens the call is taken for the agent; when they cannot be told
                            apart, all speech is the agent's and the table says so)
  --agent-voice first|second
                            mono only: the agent is the voice that opens the call (first, the
                            default) or the other voice (second)
  --lang zh|en              the language of the call (default: en)
  --json                    print each call's report (turns, talk share, pace, response gaps,
                            findings) as JSON: one object per file, an array when several are given
  --csv                     print one CSV row per finding:
                            file,finding,start_s,end_s,duration_s,started_by,ratio
  --greeting DRILL          the built-in greeting the opening greeting (the agent's first phrase
                            group) is scored against like a drill take, with the same verdicts:
                            zh-greeting3, zh-greeting4, en-greeting3 or en-greeting4 (default: the
                            four-part greeting of --lang)
  --name NAME, --company NAME
                            the agent's name and company in the greeting's script (default: the
                            drill's sample ones, 王芳/星河银行 and Sam/Riverside Bank); give the
                            ones spoken, their syllables count in the greeting's rate
  --textgrid PATH           also write a Praat TextGrid (UTF-8) of the one call: interval tiers
                            "agent turns", "customer turns" and "findings" (the finding's id, an
                            overtalk with who started it; overlapping findings joined by " + ")
  By default a table per call: talk share, turns, agent and customer pace, response gaps, the
  longest agent turn and the findings (rushing, slow, flat, loud, soft, deadAir, overtalk,
  paceMismatch, slowResponse, monologue) with their start and end as m:ss, then the opening
  greeting's table and verdicts as analyze prints them (with --json: the field "greeting").

Pack commands (a trainer's drill pack: a .vdpack file, or a plain pack.json written by hand):
  pack validate FILE...     check each pack as the app does on import and print one line per
                            pack (id, version, title, author, drills, model recordings), or one
                            sentence saying what is wrong
  pack link FILE            print the pack's link (the pack compressed into the URL fragment;
                            model recordings travel only in the file); says when it is too long
                            for a QR code
  --base URL                the app's address the link starts with (default: http://localhost:4173/)

Other options:
  -h, --help                show this help
  --version                 print the VoiceDrill version and the analysis version

Script markup:
  Parts of a greeting are split at ，,。.?？!！；; and at "|", e.g. "Good morning | this is Sam";
  the pauses between them are judged. *key word* marks a word to stress, e.g. "how can I *help*";
  its pitch, level and length are measured against its neighbours.

Output:
  A table per file by default; "–" means not measured. Numbers are rounded the same way in
  the table, in --json and in the app: seconds ${DECIMALS.sec} decimals, dB ${DECIMALS.db}, Hz ${DECIMALS.hz}, semitones ${DECIMALS.st},
  syllables/s ${DECIMALS.perSec}, per minute ${DECIMALS.perMinute}, fractions 3 significant digits.
  Each verdict names what its value measures (the pauses verdict: the longest pause, or the
  shortest or longest gap between parts, or the most pauses inside one part). Warnings (a script
  that covers only part of the speech, a missing channel) are printed under the table, and on
  stderr with --json; the JSON has them in "warnings".

Limits:
  Files up to ${formatBytes(maxFileBytes)} and ${maxDurationSec / 3600} hours of audio, and at most ${maxSamples / 1e6} million
  decoded samples (${maxDurationSec / 3600} hours of 48 kHz stereo); longer files are refused, not truncated.

Exit status:
  0  every file was analysed
  1  at least one file could not be read or analysed (the others are still printed), or an
     export could not be written; for call, also a file that is not two-channel
  2  usage error (nothing was analysed)
  For pack: 0 every pack is valid (the link was printed), 1 a pack was refused, 2 usage error.
`;
}
