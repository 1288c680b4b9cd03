// @vitest-environment jsdom
/**
 * The call page owns its audio's object URL: made once from the Blob, given to the <audio> element, revoked
 * when the page unmounts; without audio (analysis only) none is made and the page says the audio was not
 * kept. Rendered with React in jsdom (canvas drawing is the browser test's, tests/e2e/call-page.test.ts).
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
  getAttribute(name: string): string | null;
  append(child: El): void;
  remove(): void;
}
const doc = (): { createElement(tag: string): El; body: El } => (globalThis as unknown as { document: { createElement(tag: string): El; body: El } }).document;

type Props = { call: CallRecord; audio: Blob | null; uiLang: 'en'; onUpdate(): Promise<void>; onPractisePhrase(): Promise<void> };
let CallPage: (props: Props) => unknown;

beforeAll(async () => {
  (globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.stubGlobal('ResizeObserver', class { observe(): void {} disconnect(): void {} });
  // jsdom draws nothing: the canvas gives no context and the page skips the paint.
  (globalThis as unknown as { HTMLMediaElement: { prototype: { pause(): void } } }).HTMLMediaElement.prototype.pause = () => {};
  (globalThis as unknown as { HTMLCanvasElement: { prototype: { getContext(): null } } }).HTMLCanvasElement.prototype.getContext = () => null;
  ({ CallPage } = (await import(join(REPO_ROOT, 'src/features/calls/page/CallPage.tsx'))) as { CallPage: typeof CallPage });
});

const created: string[] = [];
const revoked: string[] = [];
afterEach(() => {
  created.length = 0;
  revoked.length = 0;
});
URL.createObjectURL = (() => {
  const url = `blob:test/${created.length + 1}`;
  created.push(url);
  return url;
}) as typeof URL.createObjectURL;
URL.revokeObjectURL = (url: string) => { revoked.push(url); };

const call: CallRecord = {
  schemaVersion: CALL_SCHEMA_VERSION, id: 'c', createdAt: 0, fileName: 'a.wav', fileBytes: 1, mimeType: 'audio/wav', durationSec: 10, sampleRateHz: 8000,
  channelCount: 2, agentChannel: 'left', lang: 'en', analysisVersion: 'x',
  report: {
    callRulesVersion: 'x', durationSec: 10, sampleRateHz: 8000, agentChannel: 'left', lang: 'en', agentSpeechFound: true, customerSpeechFound: true,
    sounds: [],
    turns: [{ speaker: 'agent', startSec: 1, endSec: 3, speechSec: 2, syllables: 8, syllablesPerSec: 4, activeLevelDbfs: -24, pitchSdSt: 2 }],
    talkShare: { agentSec: 2, customerSec: 0, overlapSec: 0, silenceSec: 8, agentFraction: 0.2, customerFraction: 0, overlapFraction: 0, silenceFraction: 0.8 },
    pace: { agentSyllablesPerSec: 4, customerSyllablesPerSec: null, ratio: null, exchanges: [] }, responses: [], longestAgentTurnSec: 2,
    agentReferenceLevelDbfs: -24, findings: [{ id: 'deadAir', startSec: 3, endSec: 10, durationSec: 7, startedBy: null, ratio: null }],
  },
  peaks: { peaksPerSec: 50, channels: [0, 1].map(() => ({ min: new Float32Array(500), max: new Float32Array(500) })) },
  keepAudio: true, audioBytes: 1, reflection: null, bookmarks: [], drillIds: [],
};

async function mount(audio: Blob | null): Promise<{ host: El; unmount(): Promise<void> }> {
  const host = doc().createElement('div');
  doc().body.append(host);
  const root = createRoot(host as unknown as Element);
  await act(async () => { root.render(createElement(CallPage as never, { call, audio, uiLang: 'en', onUpdate: async () => {}, onPractisePhrase: async () => {} })); });
  return { host, unmount: async () => { await act(async () => root.unmount()); host.remove(); } };
}

describe('the call page and its audio', () => {
  it('makes one object URL for the Blob, plays it through <audio>, and revokes it on unmount', async () => {
    const page = await mount(new Blob([new Uint8Array(44)], { type: 'audio/wav' }));
    expect(created).toEqual(['blob:test/1']);
    expect(page.host.querySelector('audio')?.getAttribute('src')).toBe('blob:test/1');
    expect(page.host.querySelector('[data-testid="call-no-audio"]')).toBeNull();
    expect(revoked).toEqual([]);
    await page.unmount();
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('without audio makes no URL, disables play and says the audio was not kept', async () => {
    const page = await mount(null);
    expect(created).toEqual([]);
    expect(page.host.querySelector('audio')).toBeNull();
    expect(page.host.querySelector('[data-testid="call-no-audio"]')?.textContent).toBe(t('en', 'call.audio.none'));
    expect(page.host.querySelector('[data-action="play"]')?.getAttribute('disabled')).not.toBeNull();
    expect(page.host.querySelector('.call-flag-item')?.getAttribute('data-finding-id')).toBe('deadAir');
    await page.unmount();
  });
});
