// @vitest-environment jsdom
/**
 * The call page of a mono call (rendered with React in jsdom): when the engine could not tell the voices
 * apart it says so in one sentence, the mix can still be heard and every turn can be marked, and marking one
 * asks for a re-analysis with that correction; the sample player's object URL is revoked on unmount. Without
 * kept audio it says in one sentence that choosing and correcting need the audio, and offers neither.
 */
import { join } from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { CALL_SCHEMA_VERSION, type CallRecord } from '../../src/storage/call-records.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

interface El {
  textContent: string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getAttribute(name: string): string | null;
  append(child: El): void;
  remove(): void;
  click(): void;
}
const doc = (): { createElement(tag: string): El; body: El } => (globalThis as unknown as { document: { createElement(tag: string): El; body: El } }).document;

type Choice = { agentSpeaker: 0 | 1; speakerCorrections: { startSec: number; endSec: number; speaker: 0 | 1 }[] };
type Reanalyse = { state: { phase: 'idle' }; start(choice: Choice): void; cancel(): void };
type Props = { call: CallRecord; audio: Blob | null; uiLang: 'en'; onUpdate(): Promise<void>; onPractisePhrase(): Promise<void>; reanalyse?: Reanalyse };
let CallPage: (props: Props) => unknown;

const created: string[] = [];
const revoked: string[] = [];
beforeAll(async () => {
  (globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.stubGlobal('ResizeObserver', class { observe(): void {} disconnect(): void {} });
  const media = (globalThis as unknown as { HTMLMediaElement: { prototype: { pause(): void; load(): void } } }).HTMLMediaElement.prototype;
  media.pause = () => {};
  media.load = () => {};
  (globalThis as unknown as { HTMLCanvasElement: { prototype: { getContext(): null } } }).HTMLCanvasElement.prototype.getContext = () => null;
  URL.createObjectURL = (() => {
    const url = `blob:test/${created.length + 1}`;
    created.push(url);
    return url;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = (url: string) => { revoked.push(url); };
  ({ CallPage } = (await import(join(REPO_ROOT, 'src/features/calls/page/CallPage.tsx'))) as { CallPage: typeof CallPage });
});
afterEach(() => {
  created.length = 0;
  revoked.length = 0;
});

const turn = (speaker: 'agent' | 'customer', startSec: number, endSec: number) => ({ speaker, startSec, endSec, speechSec: endSec - startSec, syllables: 8, syllablesPerSec: 4, activeLevelDbfs: -24, pitchSdSt: 2 });

/** A mono call the engine could not split: all speech is voice 0, the agent's. */
const call: CallRecord = {
  schemaVersion: CALL_SCHEMA_VERSION, id: 'm', createdAt: 0, fileName: 'mono.wav', fileBytes: 1, mimeType: 'audio/wav', durationSec: 12, sampleRateHz: 8000,
  channelCount: 1, agentChannel: 'mono', lang: 'en', analysisVersion: 'x',
  report: {
    callRulesVersion: 'x', durationSec: 12, sampleRateHz: 8000, agentChannel: 'mono', lang: 'en', agentSpeechFound: true, customerSpeechFound: false,
    sounds: [], turns: [turn('agent', 1, 4), turn('agent', 6, 10)],
    talkShare: { agentSec: 7, customerSec: 0, overlapSec: 0, silenceSec: 5, agentFraction: 0.58, customerFraction: 0, overlapFraction: 0, silenceFraction: 0.42 },
    pace: { agentSyllablesPerSec: 4, customerSyllablesPerSec: null, ratio: null, exchanges: [] }, responses: [], longestAgentTurnSec: 4,
    agentReferenceLevelDbfs: -24, findings: [],
    diarisation: { confident: false, separation: 1.2, agentSpeaker: 0, corrections: 0, segments: [{ startSec: 1, endSec: 4, speaker: 0 }, { startSec: 6, endSec: 10, speaker: 0 }] },
  },
  peaks: { peaksPerSec: 50, channels: [{ min: new Float32Array(600), max: new Float32Array(600) }] },
  keepAudio: true, audioBytes: 1, reflection: null, bookmarks: [], drillIds: [], speakerCorrections: [],
};

async function mount(audio: Blob | null, reanalyse?: Reanalyse): Promise<{ host: El; unmount(): Promise<void> }> {
  const host = doc().createElement('div');
  doc().body.append(host);
  const root = createRoot(host as unknown as Element);
  await act(async () => { root.render(createElement(CallPage as never, { call, audio, uiLang: 'en', onUpdate: async () => {}, onPractisePhrase: async () => {}, reanalyse })); });
  return { host, unmount: async () => { await act(async () => root.unmount()); host.remove(); } };
}

describe('the call page of a mono call', () => {
  it('not told apart: says so, the mix can be heard, no voice to choose, and a turn marked as the customer\'s asks for that correction', async () => {
    const asked: Choice[] = [];
    const page = await mount(new Blob([new Uint8Array(44)], { type: 'audio/wav' }), { state: { phase: 'idle' }, start: (c) => asked.push(c), cancel: () => {} });
    const voices = page.host.querySelector('[data-testid="call-voices"]');
    expect(voices?.querySelector('[data-voices-confident="false"]')?.textContent).toBe(t('en', 'call.voices.notConfident'));
    expect(voices?.querySelectorAll('[data-action="listen-voice"]')).toHaveLength(1);
    expect(voices?.querySelector('[data-action="choose-voice"]')).toBeNull();
    expect(page.host.querySelectorAll('[data-action="mark-customer"]')).toHaveLength(2);
    await act(async () => page.host.querySelector('li[data-turn-index="1"] [data-action="mark-customer"]')?.click());
    // The engine took voice 0 for the agent: the customer is voice 1.
    expect(asked).toEqual([{ agentSpeaker: 0, speakerCorrections: [{ startSec: 6, endSec: 10, speaker: 1 }] }]);
    // The page's player and the sample player each own one URL; both are revoked when the page goes.
    expect(created).toHaveLength(2);
    await page.unmount();
    expect([...revoked].sort()).toEqual([...created].sort());
  });

  it('without kept audio: one sentence says choosing and correcting need it, and neither is offered', async () => {
    const page = await mount(null);
    expect(created).toEqual([]);
    expect(page.host.querySelector('[data-voices-no-audio]')?.textContent).toBe(t('en', 'call.voices.noAudio'));
    expect(page.host.querySelector('[data-marking-unavailable]')?.textContent).toBe(t('en', 'call.voices.noAudio'));
    expect(page.host.querySelectorAll('[data-action="listen-voice"], [data-action="choose-voice"], [data-action="mark-me"], [data-action="mark-customer"]')).toHaveLength(0);
    await page.unmount();
  });
});
