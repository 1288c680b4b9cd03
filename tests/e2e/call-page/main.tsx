// Test-only entry (tests/e2e/call-page.test.ts): mounts CallPage on a call the test serves at /fixture/call.json
// (and its audio at /fixture/call.wav unless ?audio=0), recording onUpdate and onPractisePhrase on window.
import '../../../src/app/app.css';
import { createRoot } from 'react-dom/client';
import { CallPage, type CallPatch } from '../../../src/features/calls/page/CallPage.tsx';
import type { UiLang } from '../../../src/i18n/index.ts';
import type { CallRecord } from '../../../src/storage/call-records.ts';

/** The call as JSON: peaks as plain arrays. */
type CallJson = Omit<CallRecord, 'peaks'> & { peaks: { peaksPerSec: number; channels: { min: number[]; max: number[] }[] } };

/** What the test reads back. */
interface HarnessLog {
  updates: CallPatch[];
  practised: { turnIndex: number; script: string | null }[];
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const lang = (params.get('lang') ?? 'en') as UiLang;
  const json = (await (await fetch('/fixture/call.json')).json()) as CallJson;
  const audio = params.get('audio') === '0' ? null : await (await fetch('/fixture/call.wav')).blob();
  const call: CallRecord = {
    ...json,
    peaks: { peaksPerSec: json.peaks.peaksPerSec, channels: json.peaks.channels.map((c) => ({ min: Float32Array.from(c.min), max: Float32Array.from(c.max) })) },
  };
  const log: HarnessLog = { updates: [], practised: [] };
  (window as unknown as { callPageLog: HarnessLog }).callPageLog = log;
  document.documentElement.lang = lang;
  createRoot(document.getElementById('root') as HTMLElement).render(
    <main className="main">
      <h1 className="visually-hidden">Call page test entry</h1>
      <CallPage
        call={call}
        audio={audio}
        uiLang={lang}
        onUpdate={async (patch) => { log.updates.push(patch); }}
        onPractisePhrase={async (turnIndex, script) => { log.practised.push({ turnIndex, script }); }}
      />
    </main>,
  );
}

void start();
