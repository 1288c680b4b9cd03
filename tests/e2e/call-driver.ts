/**
 * Recorded calls in the browser tests: test call files (a planned stereo call as WAV, long ones by
 * tiling it, broken ones, an MP3/M4A made by ffmpeg), and what the app stored for calls, read straight
 * from IndexedDB (and the analysis's scratch files from the private file system) in the page, not through the app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { completeFirstRun, E2E_PROFILES, openApp, type AppPage } from './app-driver.ts';
import type { Session } from './harness.ts';
import { SCRATCH_DIR } from '../../src/workers/scratch-files.ts';
import { buildCall, inSequence, type BuiltCall } from '../helpers/planned-call.ts';
import { encodeWav } from '../helpers/wav.ts';

/** A 40 s planned stereo call: the agent (left) greets first; 4 s of dead air and 1.5 s of overtalk are planned. */
export function plannedCall(sampleRateHz: number): BuiltCall {
  return buildCall({
    sampleRateHz,
    durationSec: 40,
    agentChannel: 'left',
    utterances: inSequence(0.8, [
      { speaker: 'agent', syllables: 14, syllablesPerSec: 4, gapSec: 0 },
      { speaker: 'customer', syllables: 18, syllablesPerSec: 5, gapSec: 0.5 },
      { speaker: 'agent', syllables: 20, syllablesPerSec: 4.2, gapSec: 0.8 },
      { speaker: 'customer', syllables: 12, syllablesPerSec: 4.5, gapSec: 4.5 },
      { speaker: 'agent', syllables: 16, syllablesPerSec: 4, gapSec: -1.5 },
    ]),
  });
}

/** 16-bit WAV bytes of a call. */
export function callWav(call: BuiltCall): Buffer {
  return Buffer.from(encodeWav(call.input.channels, call.input.sampleRateHz));
}

/** A WAV of `minutes` made by repeating the call (for a run long enough to cancel). */
export function longCallWav(call: BuiltCall, minutes: number): Buffer {
  const n = Math.round(minutes * 60 * call.input.sampleRateHz);
  const tiled = call.input.channels.map((c) => {
    const out = new Float32Array(n);
    for (let at = 0; at < n; at += c.length) out.set(c.subarray(0, Math.min(c.length, n - at)), at);
    return out;
  });
  return Buffer.from(encodeWav(tiled, call.input.sampleRateHz));
}

/** Files that cannot be analysed, each with the kind of message it must give. */
export function brokenFiles(good: Buffer): { name: string; mimeType: string; buffer: Buffer; kind: string }[] {
  const corrupt = Buffer.from(good);
  corrupt.writeUInt16LE(3, 32); // block align 3 for two 16-bit channels
  const short = plannedCall(8000).input.channels.map((c) => c.subarray(0, 8000));
  return [
    { name: 'corrupt.wav', mimeType: 'audio/wav', buffer: corrupt, kind: 'corrupt' },
    { name: 'truncated.wav', mimeType: 'audio/wav', buffer: good.subarray(0, Math.floor(good.length / 2)), kind: 'truncated' },
    { name: 'empty.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(0), kind: 'empty' },
    { name: 'notes.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('These are my notes about the call, not a recording.\n'.repeat(40)), kind: 'notAudio' },
    { name: 'three-channels.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([short[0], short[1], short[0]], 8000)), kind: 'channels' },
  ];
}

/** ffmpeg's path, or null when it is not installed (.ci/run installs it). */
export const FFMPEG = ['/usr/bin/ffmpeg', '/usr/local/bin/ffmpeg'].find((p) => existsSync(p)) ?? null;

/** Encode a WAV with ffmpeg into `dir` (codec args e.g. ['-c:a', 'libmp3lame', '-b:a', '64k']); returns the path. */
export function encodeWithFfmpeg(wav: Buffer, dir: string, name: string, codecArgs: string[]): string {
  if (!FFMPEG) throw new Error('ffmpeg is not installed');
  const input = join(dir, `${name}.source.wav`);
  const output = join(dir, name);
  writeFileSync(input, wav);
  execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', '-i', input, ...codecArgs, output]);
  if (readFileSync(output).length === 0) throw new Error(`ffmpeg wrote an empty ${name}`);
  return output;
}

/** The calls stored (id → file name, audio bytes) and every audio chunk (call id, index, bytes). */
export interface StoredCalls {
  calls: { id: string; fileName: string; keepAudio: boolean; audioBytes: number; findings: number }[];
  chunks: { callId: string; index: number; bytes: number }[];
}

// In-page code is typed loosely: the Node hosts' tsconfig has no DOM library.
type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
type Db = { objectStoreNames: { contains(n: string): boolean }; transaction(names: string[]): { objectStore(n: string): { getAll(): Req } }; close(): void };

/**
 * Every record of each named table of the app's database, straight from IndexedDB (a table not there yet: []).
 * ArrayBuffer fields arrive as { byteLength } (their bytes do not cross to Node).
 */
export async function readTables(page: Page, names: readonly string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (tables) => {
    const g = globalThis as unknown as { indexedDB: { open(name: string): Req } };
    const open = g.indexedDB.open('voicedrill');
    const db = await new Promise<Db>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result as Db);
      open.onerror = () => reject(open.error);
    });
    const present = tables.filter((n) => db.objectStoreNames.contains(n));
    const out: Record<string, unknown[]> = Object.fromEntries(tables.map((n) => [n, []]));
    if (present.length > 0) {
      const tx = db.transaction(present);
      await Promise.all(present.map((name) => new Promise<void>((resolve, reject) => {
        const req = tx.objectStore(name).getAll();
        req.onsuccess = () => {
          out[name] = (req.result as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof ArrayBuffer ? { byteLength: v.byteLength } : v])));
          resolve();
        };
        req.onerror = () => reject(req.error);
      })));
    }
    db.close();
    return out;
  }, names);
}

/** Read the calls and their audio chunks straight from IndexedDB. */
export async function readStoredCalls(page: Page): Promise<StoredCalls> {
  const { calls, callAudio } = await readTables(page, ['calls', 'callAudio']);
  type Call = { id: string; fileName: string; keepAudio: boolean; audioBytes: number; report: { findings: unknown[] } };
  type Chunk = { callId: string; index: number; bytes: { byteLength: number } };
  return {
    calls: (calls as Call[]).map((c) => ({ id: c.id, fileName: c.fileName, keepAudio: c.keepAudio, audioBytes: c.audioBytes, findings: c.report.findings.length }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    chunks: (callAudio as Chunk[]).map((c) => ({ callId: c.callId, index: c.index, bytes: c.bytes.byteLength }))
      .sort((a, b) => a.callId.localeCompare(b.callId) || a.index - b.index),
  };
}

/** A fresh app in English, its first run done, on the Calls screen. */
export async function openCallsScreen(session: Session): Promise<AppPage> {
  const app = await openApp(session);
  await app.page.getByTestId('ui-lang').selectOption('en');
  await completeFirstRun(app.page, { ...E2E_PROFILES.en, scriptLang: 'en' });
  await app.page.locator('[data-nav="calls"]').click();
  await app.page.locator('#calls-title').waitFor();
  return app;
}

/** Drop a file onto the page as a user's drag and drop would (a DataTransfer holding a File). */
export async function dropFile(page: Page, name: string, mimeType: string, bytes: Buffer): Promise<void> {
  await page.evaluate(async ({ name, mimeType, base64 }) => {
    type Ev = new (type: string, init: Record<string, unknown>) => unknown;
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: unknown[], name: string, o: { type: string }) => unknown;
      DragEvent: Ev; document: { body: { dispatchEvent(e: unknown): boolean } }; atob(s: string): string;
    };
    const raw = g.atob(base64);
    const data = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
    const transfer = new g.DataTransfer();
    transfer.items.add(new g.File([data], name, { type: mimeType }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      g.document.body.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, { name, mimeType, base64: bytes.toString('base64') });
}

/** Collect every text the progress line shows from now on (a MutationObserver in the page). */
export async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    type El = { textContent: string | null };
    const g = globalThis as unknown as {
      __progressTexts: string[]; document: { body: unknown; querySelector(s: string): El | null };
      MutationObserver: new (cb: () => void) => { observe(t: unknown, o: Record<string, boolean>): void };
    };
    g.__progressTexts = [];
    new g.MutationObserver(() => {
      const text = g.document.querySelector('[data-testid="call-progress"] p')?.textContent;
      if (text && g.__progressTexts.at(-1) !== text) g.__progressTexts.push(text);
    }).observe(g.document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The progress texts seen since watchProgress. */
export async function progressTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __progressTexts: string[] }).__progressTexts);
}

/**
 * The call analysis's scratch files in the origin's private file system (src/workers/scratch-files.ts), each
 * with its size in bytes; the folder's name is given here as the app names it.
 */
export async function scratchFiles(page: Page): Promise<{ name: string; bytes: number }[]> {
  return page.evaluate(async (folder) => {
    const root = await navigator.storage.getDirectory();
    let dir: FileSystemDirectoryHandle;
    try {
      dir = await root.getDirectoryHandle(folder);
    } catch {
      return [];
    }
    const out: { name: string; bytes: number }[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
      out.push({ name, bytes: (await (await dir.getFileHandle(name)).getFile()).size });
    }
    return out;
  }, SCRATCH_DIR);
}
