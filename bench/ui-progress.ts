/**
 * Progress model speed: buildProgress over the summaries of 1,000 synthetic stored takes (4 drills, zh and en, two
 * analysis versions, a take every few hours over a year), across drills and for one drill.
 * Prints the median of several runs. Run: node --import tsx bench/ui-progress.ts [takes]
 */
import { buildProgress } from '../src/features/progress/progress-model.ts';
import { summarise } from '../src/storage/index.ts';
import { syntheticTakes } from './synthetic-takes.ts';

const TAKES = Number(process.argv[2] ?? 1000);
const RUNS = 15;

function medianMs(work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const takes = syntheticTakes(TAKES).map(summarise);
const now = new Date(Date.UTC(2026, 10, 23));
let charts = 0;
let points = 0;
const all = medianMs(() => {
  const model = buildProgress(takes, { uiLang: 'en', now });
  charts = model.charts.length;
  points = model.charts.reduce((s, c) => s + c.points.length, 0);
});
const one = medianMs(() => buildProgress(takes, { uiLang: 'zh-CN', drillId: 'zh-greeting3', now }));
console.log(`buildProgress, ${TAKES} stored takes → ${charts} charts, ${points} points`);
console.log(`  across drills: ${all.toFixed(1)} ms (median of ${RUNS})`);
console.log(`  one drill:     ${one.toFixed(1)} ms (median of ${RUNS})`);
