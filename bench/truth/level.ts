/**
 * bench:truth section “level”: the report's active speech level against the ITU-T reference program
 * sv56 (STL test signal and the ten Keele files), with its activity, sv56's own single ladder as we
 * compute it, and the gain / padding invariance of the reported level on each file.
 */
import { analyzeRecording } from '../../src/analysis/index.ts';
import { p56ActiveLevel } from '../../src/analysis/p56.ts';
import { decodeFixture } from '../../tests/helpers/fixtures.ts';
import { readTruthCsv, TRUTH_DIR } from '../../tests/helpers/truth.ts';

/** Largest |ours − sv56| allowed (issue 10 item 1). */
const TARGET_DB = 0.1;
/** Gain and padding checks (issue 10 item 1): −15 dB moves the level by −15.00, 1.5 s of silence by 0. */
const GAIN_DB = -15;
const PAD_SEC = 1.5;
const INVARIANCE_DB = 0.01;

interface Reference { name: string; file: string; levelDbov: number; activityPct: number }

function references(): Reference[] {
  const row = (name: string, file: string, r: Record<string, string>): Reference =>
    ({ name, file, levelDbov: Number(r.sv56_active_dbov), activityPct: Number(r.sv56_activity_pct) });
  return [
    ...readTruthCsv('p56/p56.csv').map((r) => row(r.file.replace(/\.wav$/, ''), `p56/${r.file}`, r)),
    ...readTruthCsv('keele/keele.csv').map((r) => row(r.id, r.file, r)),
  ];
}

const fmt = (x: number | null, d: number): string => (x === null ? '–' : x.toFixed(d));

/** Print the table and whether the targets hold; sets a failing exit code when they do not. */
export async function run(): Promise<void> {
  console.log('file | sv56 dBov | ours dBFS | diff dB | sv56 ladder (ours) | sv56 activity % | ours % | −15 dB moves | +1.5 s silence moves');
  let maxDiff = 0;
  let maxInvariance = 0;
  let missing = 0;
  for (const ref of references()) {
    const { channels, sampleRateHz } = await decodeFixture(ref.file, TRUTH_DIR);
    const report = analyzeRecording({ channels, sampleRateHz }, { lang: 'en' });
    const ours = report.loudness.activeLevelDbfs;
    const detail = p56ActiveLevel(channels[0], sampleRateHz);
    const k = 10 ** (GAIN_DB / 20);
    const gained = p56ActiveLevel(channels[0].map((v) => v * k), sampleRateHz).activeLevelDbfs;
    const pad = Math.round(PAD_SEC * sampleRateHz);
    const paddedSignal = new Float32Array(channels[0].length + 2 * pad);
    paddedSignal.set(channels[0], pad);
    const padded = p56ActiveLevel(paddedSignal, sampleRateHz).activeLevelDbfs;
    const diff = ours === null ? null : ours - ref.levelDbov;
    const gainMove = gained === null || detail.activeLevelDbfs === null ? null : gained - detail.activeLevelDbfs;
    const padMove = padded === null || detail.activeLevelDbfs === null ? null : padded - detail.activeLevelDbfs;
    if (diff === null || gainMove === null || padMove === null) missing++;
    else {
      maxDiff = Math.max(maxDiff, Math.abs(diff));
      maxInvariance = Math.max(maxInvariance, Math.abs(gainMove - GAIN_DB), Math.abs(padMove));
    }
    console.log([
      ref.name, ref.levelDbov.toFixed(3), fmt(ours, 3), fmt(diff, 3), fmt(detail.sv56LevelDbfs, 3),
      ref.activityPct.toFixed(3), (100 * detail.activityFactor).toFixed(3), fmt(gainMove, 4), fmt(padMove, 4),
    ].join(' | '));
  }
  const levelOk = missing === 0 && maxDiff <= TARGET_DB;
  const invarianceOk = missing === 0 && maxInvariance <= INVARIANCE_DB;
  console.log(`\nmax |ours − sv56| = ${maxDiff.toFixed(3)} dB${missing ? ` (${missing} file(s) without a level)` : ''} — target ≤ ${TARGET_DB} dB ${levelOk ? 'MET' : 'NOT MET'}`);
  console.log(`max invariance error (−15 dB gain, 1.5 s silence before and after) = ${maxInvariance.toFixed(4)} dB — target ≤ ${INVARIANCE_DB} dB ${invarianceOk ? 'MET' : 'NOT MET'}`);
  if (!levelOk || !invarianceOk) process.exitCode = 1;
}
