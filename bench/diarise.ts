/**
 * bench:diarise — mono-call speaker attribution on every pair of the Keele voices (../shared/fixtures/truth:
 * 5 female, 5 male; both orders are the same voices, so each unordered pair once) and the two English
 * long reads, mixed as tests/helpers/mono-call.ts plans them, several seeds, 16 kHz and 8 kHz; then each
 * voice alone (must stay one voice); then the diarisation time on a long mix at each rate.
 *
 * Per mix: attribution with the suggested agent as the report shows it (the whole mix is the agent's
 * when not told apart), the forced two-way attribution (what the labels would give if trusted) and the
 * separation. Summary per group: how many told apart, min / mean attribution.
 *
 * With --oracle, each mix also prints the separation of its true labels (what the search could reach).
 *
 * With --pairs difftext: two women reading different texts, as in a real call (the MagicData speaker and
 * wendy, each against each female Keele reader), in place of the Keele pairs.
 *
 * Usage: npm run bench:diarise [-- --seeds 1,2,3] [-- --rates 16000,8000] [-- --pairs same|cross|all|difftext]
 *        [-- --voices f1,f2,... (pairs among these only)] [-- --singles f1,m1,... | none]
 *        [-- --long MINUTES (0: skip; default 10)] [-- --quiet (summary lines only)] [-- --oracle]
 */
import { cutPieces, isWideBand, voicePieces } from '../src/analysis/calls/diarise-features.ts';
import { crossValidatedLlrSeparation, MIN_SEPARATION, MIN_SEPARATION_WIDE, openingVoice, toldApart, twoVoiceLabels } from '../src/analysis/calls/diarise.ts';
import { monoSides, speakerIntervals, type CallDiarisation } from '../src/analysis/calls/mono.ts';
import type { IntervalSec } from '../src/analysis/types.ts';
import { attribution, loadMagicDataPhrases, loadPhrases, mixAtRate, MONO_FS, monoFrontOf, planMonoCall } from '../tests/helpers/mono-call.ts';
import type { BuiltCall } from '../tests/helpers/planned-call.ts';
import { haveTruth } from '../tests/helpers/truth.ts';

if (!haveTruth) {
  console.error('bench:diarise: ../shared/fixtures/truth not found; nothing to measure.');
  process.exit(1);
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : dflt;
};
const seeds = opt('seeds', '1,2,3').split(',').map(Number);
const rates = opt('rates', '16000,8000').split(',').map(Number);
const pairsWanted = opt('pairs', 'all');
const longMinutes = Number(opt('long', '10'));
const quiet = args.includes('--quiet');
const oracle = args.includes('--oracle');
const voicesWanted = opt('voices', '').split(',').filter(Boolean);

const KEELE = ['f1', 'f2', 'f3', 'f4', 'f5', 'm1', 'm2', 'm3', 'm4', 'm5'];
const PATHS: Record<string, string> = { wendy: 'real/en_longread_wendy.wav', polar: 'real/en_longread_polar.wav' };
const pathOf = (voice: string): string => PATHS[voice] ?? `truth/keele/keele_${voice}.wav`;
const genderOf = (v: string): string => (v.startsWith('f') ? 'f' : v.startsWith('m') ? 'm' : 'real');

const phrases = new Map<string, Float32Array[]>();
for (const v of [...KEELE, 'wendy', 'polar']) phrases.set(v, await loadPhrases(pathOf(v)));
if (pairsWanted === 'difftext') phrases.set('md', await loadMagicDataPhrases());

interface Outcome { right: number; forced: number; separation: number; confident: boolean; wide: boolean; truthSeparation: number; featureMs: number; labelMs: number; speechSec: number }

/** The engine's speech and signal of a mono mix (front end as monoSidesOf), then features and labels timed apart. */
function run(samples: Float32Array, rateHz: number, built: BuiltCall): Outcome {
  const { signal, speech } = monoFrontOf(samples, rateHz);
  const t0 = performance.now();
  const wide = isWideBand(signal, speech);
  const pieces = voicePieces(signal, speech, wide);
  const t1 = performance.now();
  const { labels, separation } = twoVoiceLabels(pieces, undefined, wide);
  const t2 = performance.now();
  const speechSec = pieces.reduce((a, p) => a + p.endSec - p.startSec, 0);
  const confident = toldApart(pieces, labels, separation, wide);
  // The true label of a piece: the planned speaker with most of its time.
  const truth = pieces.map((p) => {
    const by = { agent: 0, customer: 0 };
    for (const u of built.utterances) by[u.speaker] += Math.max(0, Math.min(p.endSec, u.endSec) - Math.max(p.startSec, u.startSec));
    return by.agent >= by.customer ? 0 : 1;
  });
  const truthSeparation = oracle && new Set(truth).size === 2 ? crossValidatedLlrSeparation(pieces, truth) : NaN;
  const first = openingVoice(labels);
  const segments = pieces.map((p, i) => ({ startSec: p.startSec, endSec: p.endSec, speaker: (labels[i] === first ? 0 : 1) as 0 | 1 }));
  const lanes = (segs: typeof segments): { agent: IntervalSec[]; customer: IntervalSec[] } => ({ agent: speakerIntervals(segs, 0), customer: speakerIntervals(segs, 1) });
  const forced = attribution(built, lanes(segments));
  const right = confident ? forced : attribution(built, lanes(segments.map((s) => ({ ...s, speaker: 0 as const }))));
  return { right, forced, separation, confident, wide, truthSeparation, featureMs: t1 - t0, labelMs: t2 - t1, speechSec };
}


/** Unordered pairs of the Keele voices as the options ask, and the long reads unless same-gender or chosen voices only. */
function keelePairs(): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < KEELE.length; i++) {
    for (let j = i + 1; j < KEELE.length; j++) {
      const same = genderOf(KEELE[i]) === genderOf(KEELE[j]);
      const listed = voicesWanted.length === 0 || (voicesWanted.includes(KEELE[i]) && voicesWanted.includes(KEELE[j]));
      if (listed && (pairsWanted === 'all' || (pairsWanted === 'same') === same)) out.push([KEELE[i], KEELE[j]]);
    }
  }
  if (pairsWanted !== 'same' && voicesWanted.length === 0) out.push(['wendy', 'polar'], ['polar', 'f2']);
  return out;
}
// --pairs difftext: two women reading different texts (as in a real call), MagicData's speaker and wendy against each Keele woman.
const pairs = pairsWanted === 'difftext' ? ['md', 'wendy'].flatMap((a) => ['f1', 'f2', 'f3', 'f4', 'f5'].map((b): [string, string] => [a, b])) : keelePairs();

const pct = (x: number): string => `${(100 * x).toFixed(1).padStart(5)} %`;
const groups = new Map<string, Outcome[]>();
let featureMs = 0;
let labelMs = 0;
let speechSec = 0;
for (const rate of rates) {
  for (const [a, b] of pairs) {
    const same = genderOf(a) === genderOf(b);
    const group = `${rate / 1000} kHz ${pairsWanted === 'difftext' ? 'female, other texts' : same && genderOf(a) === 'real' ? 'real long reads' : same ? `same-gender (${genderOf(a)})` : 'cross-gender'}`;
    for (const seed of seeds) {
      const built = planMonoCall(phrases.get(a) as Float32Array[], phrases.get(b) as Float32Array[], { seed });
      const o = run(mixAtRate(built.input.channels[0], rate), rate, built);
      featureMs += o.featureMs;
      labelMs += o.labelMs;
      speechSec += o.speechSec;
      if (!groups.has(group)) groups.set(group, []);
      (groups.get(group) as Outcome[]).push(o);
      if (!quiet) console.log(`${String(rate / 1000).padStart(2)} kHz ${`${a}-${b}`.padEnd(12)} seed ${seed}: ${pct(o.right)} right (forced ${pct(o.forced)}), separation ${o.separation.toFixed(2).padStart(5)}${oracle ? ` (true labels ${o.truthSeparation.toFixed(2)})` : ''}${o.wide ? ' wide' : ''}${o.confident ? '' : '  NOT TOLD APART'}`);
    }
  }
}
console.log(`\nsummary (threshold ${MIN_SEPARATION}, wide-band ${MIN_SEPARATION_WIDE}; seeds ${seeds.join(',')}):`);
for (const [g, list] of groups) {
  const told = list.filter((o) => o.confident);
  const rights = list.map((o) => o.right);
  const forced = list.map((o) => o.forced);
  const ge85 = list.filter((o) => o.right >= 0.85).length;
  console.log(`${g.padEnd(26)} told apart ${told.length}/${list.length}, ≥ 85 % ${ge85}/${list.length}; right min ${pct(Math.min(...rights))} mean ${pct(rights.reduce((s, v) => s + v, 0) / rights.length)}; forced min ${pct(Math.min(...forced))} mean ${pct(forced.reduce((s, v) => s + v, 0) / forced.length)}; told-apart min ${told.length ? pct(Math.min(...told.map((o) => o.right))) : '—'}`);
}
console.log(`time: features ${(featureMs / 1000).toFixed(1)} s, labels ${(labelMs / 1000).toFixed(1)} s for ${(speechSec / 60).toFixed(1)} min of speech`);

// One voice alone: its odd phrases answer its even ones (as the unit test); must not be split.
const singles: string[] = [];
const maxSingle = { narrow: 0, wide: 0 };
const singleVoices = opt('singles', [...KEELE, 'wendy', 'polar'].join(',')).split(',').filter((v) => v && v !== 'none');
for (const rate of rates) {
  for (const v of singleVoices) {
    for (const seed of seeds) {
      const p = phrases.get(v) as Float32Array[];
      const built = planMonoCall(p.filter((_, i) => i % 2 === 0), p.filter((_, i) => i % 2 === 1), { seed });
      const o = run(mixAtRate(built.input.channels[0], rate), rate, built);
      const band = o.wide ? 'wide' : 'narrow';
      maxSingle[band] = Math.max(maxSingle[band], o.separation);
      singles.push(`${v}@${rate / 1000}k/${seed} ${o.separation.toFixed(2)}${o.wide ? 'w' : ''}${o.confident ? ' SPLIT' : ''}`);
    }
  }
}
console.log(`one voice alone (separation): ${singles.join('; ')}`);
console.log(`one voice alone: max separation telephone band ${maxSingle.narrow.toFixed(2)} (threshold ${MIN_SEPARATION}), wide band ${maxSingle.wide.toFixed(2)} (threshold ${MIN_SEPARATION_WIDE}; w: wide band; a minor voice under MIN_MINOR_SEC is never told apart), split ${singles.filter((s) => s.endsWith('SPLIT')).length}/${singles.length}`);

// Long mixes at each rate, `longMinutes` each: Keele pair mixes (pairs in turn, a new seed each) back to back;
// then one voice alone (m1's phrases answering each other): the worst case, every start is tried. The
// one-voice mix repeats m1's recordings, which the held-out folds then hold copies of (see the closing notes).
if (longMinutes > 0) {
  for (const rate of rates) {
    for (const kind of ['two voices', 'one voice'] as const) {
      const parts: Float32Array[] = [];
      let total = 0;
      for (let k = 0; total < longMinutes * 60 * MONO_FS; k++) {
        const [a, b] = kind === 'two voices' ? pairs[k % pairs.length] : ['m1', 'm1'];
        const pa = phrases.get(a) as Float32Array[];
        const pb = phrases.get(b) as Float32Array[];
        const built = kind === 'two voices' ? planMonoCall(pa, pb, { seed: 1 + k }) : planMonoCall(pa.filter((_, i) => i % 2 === 0), pb.filter((_, i) => i % 2 === 1), { seed: 1 + k });
        parts.push(built.input.channels[0]);
        total += built.input.channels[0].length;
      }
      const long16 = new Float32Array(total);
      parts.reduce((at, x) => (long16.set(x, at), at + x.length), 0);
      const long = mixAtRate(long16, rate);
      const { ch, speech } = monoFrontOf(long, rate);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const sides = monoSides(ch, speech);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const d: CallDiarisation = sides.diarisation;
      console.log(`long mix ${rate / 1000} kHz, ${kind}: ${(long.length / rate / 60).toFixed(1)} min (${cutPieces(speech).length} pieces): diarisation (features, pitch, labels) ${(ms / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); separation ${d.separation.toFixed(2)}${d.confident ? '' : ' (not told apart)'}`);
    }
  }
}
