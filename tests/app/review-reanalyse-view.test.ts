// @vitest-environment jsdom
/**
 * The comparison screen opening a take stored by analysis 1.2.0 (the fixture record with its audio):
 * while the injected Analyser works it says so, and when the analysis fails it shows one sentence and
 * no chart drawn from the old report. Rendered with React in jsdom.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeToJson } from '../../src/analysis/index.ts';
import type { Drill } from '../../src/drills/index.ts';
import { t } from '../../src/i18n/index.ts';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import type { Analyser } from '../../src/takes/analyse-take.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { OLD_TAKE, OLD_TAKE_ID, putOldTake } from '../helpers/old-take.ts';

const stored = OLD_TAKE;
const OLD_ID = OLD_TAKE_ID;

/** The few DOM calls the test makes (the Node tsconfig has no DOM types). */
interface El {
  textContent: string | null;
  querySelector(selector: string): El | null;
  append(child: El): void;
  remove(): void;
}
const doc = (): { createElement(tag: string): El; body: El } => (globalThis as unknown as { document: { createElement(tag: string): El; body: El } }).document;

interface CompareProps { store: VoiceDrillStore; uiLang: 'en'; takeId: string; against: { kind: 'previous' }; analyser: Analyser }
let CompareTakes: (props: CompareProps) => unknown;
const opened: VoiceDrillStore[] = [];
const unmounts: (() => void)[] = [];

beforeAll(async () => {
  // uPlot reads the pixel ratio through matchMedia when it loads; jsdom has none.
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener: () => {}, removeEventListener: () => {} }));
  // By path: the component is TSX for the app's tsconfig, which this (Node) one does not compile.
  ({ CompareTakes } = (await import(join(REPO_ROOT, 'src/features/review/compare-takes.tsx'))) as { CompareTakes: typeof CompareTakes });
});

afterEach(() => {
  for (const u of unmounts.splice(0)) u();
  for (const s of opened.splice(0)) s.close();
});

/** The 1.2.0 take with its audio, and a current take of the same drill recorded after it. */
async function storeWithOldAndNew(): Promise<{ store: VoiceDrillStore; newId: string }> {
  const store = await openStore({ name: `review-reanalyse-view-${Math.random()}` });
  opened.push(store);
  const { samples } = await putOldTake(store);
  const channels = [samples];
  const take = await store.createTake({ drill: stored.drill as Drill, script: stored.script as string, sampleRateHz: 16000, createdAt: new Date('2026-11-21T09:00:00Z') });
  await store.appendAudioChunk(take.id, 0, channels[0]);
  await store.finishTake(take.id, 5.4);
  const { file: _file, ...report } = analyzeToJson({ channels: [channels[0]], sampleRateHz: 16000 }, { lang: 'zh', script: stored.script as string }, take.id);
  await store.saveReport(take.id, report);
  return { store, newId: take.id };
}

function render(store: VoiceDrillStore, takeId: string, analyser: Analyser): El {
  const box = doc().createElement('div');
  doc().body.append(box);
  const root = createRoot(box as never);
  root.render(createElement(CompareTakes as never, { store, uiLang: 'en', takeId, against: { kind: 'previous' }, analyser }));
  unmounts.push(() => { root.unmount(); box.remove(); });
  return box;
}

describe('comparing with a take stored by analysis 1.2.0', () => {
  it('says it is analysing the old take again while the analyser works', async () => {
    const { store, newId } = await storeWithOldAndNew();
    const calls: string[] = [];
    const pending: Analyser = { analyse: (_i, _o, label) => { calls.push(label); return new Promise(() => {}); } };
    const box = render(store, newId, pending);
    await vi.waitFor(() => expect(box.textContent).toBe(t('en', 'compare.reanalysing')), { timeout: 10_000 });
    expect(calls).toEqual([OLD_ID]);
    expect(box.querySelector('[role="status"]')).not.toBeNull();
  });

  it('shows one sentence and no chart when the analysis fails, and keeps the old take as stored', async () => {
    const { store, newId } = await storeWithOldAndNew();
    const failing: Analyser = { analyse: () => Promise.reject(new Error('The analysis engine stopped unexpectedly.')) };
    const box = render(store, newId, failing);
    await vi.waitFor(() => expect(box.querySelector('[role="alert"]')?.textContent).toBe(t('en', 'compare.reanalyseFailed')), { timeout: 10_000 });
    expect(box.querySelector('.compare-chart')).toBeNull();
    expect(t('en', 'compare.reanalyseFailed').match(/[.!?]\s/g)).toBeNull(); // one sentence
    expect((await store.getTake(OLD_ID))?.analysisVersion).toBe('1.2.0');
  });
});
