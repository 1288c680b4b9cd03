/**
 * What the app stored, read straight from IndexedDB in the page (not through the app), and a take
 * recorded from the fake microphone. Audio chunks are compared by their bytes' SHA-256.
 */
import type { Page } from 'playwright-core';
import { waitForScorecard } from './app-driver.ts';

/** One stored audio chunk: its typed-array type, length and the SHA-256 of its bytes. */
export interface ChunkDigest {
  takeId: string;
  seq: number;
  type: string;
  length: number;
  sha256: string;
}

/** Every take record (as stored) and every audio chunk's digest, sorted by id and seq. */
export interface StoredData {
  takes: Record<string, unknown>[];
  chunks: ChunkDigest[];
}

// In-page code is typed loosely: the Node hosts' tsconfig has no DOM library.
type Req = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
type Idb = {
  open(name: string): Req & { result: { transaction(names: string[]): { objectStore(n: string): { getAll(): Req } }; close(): void } };
  deleteDatabase(name: string): Req & { onblocked: (() => void) | null };
};
type Subtle = { digest(algo: string, data: ArrayBufferView): Promise<ArrayBuffer> };

/** Read the `voicedrill` database as it is stored. */
export async function readStoredData(page: Page): Promise<StoredData> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { indexedDB: Idb; crypto: { subtle: Subtle } };
    const open = g.indexedDB.open('voicedrill');
    const db = await new Promise<{ transaction(names: string[]): { objectStore(n: string): { getAll(): Req } }; close(): void }>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['takes', 'audioChunks']);
    const all = (name: string): Promise<unknown[]> => new Promise((resolve, reject) => {
      const req = tx.objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    const [takes, rows] = await Promise.all([all('takes'), all('audioChunks')]);
    db.close();
    const chunks = [];
    for (const row of rows as { takeId: string; seq: number; pcm: { constructor: { name: string }; length: number; buffer: ArrayBuffer; byteOffset: number; byteLength: number } }[]) {
      const bytes = new Uint8Array(row.pcm.buffer, row.pcm.byteOffset, row.pcm.byteLength);
      const hash = new Uint8Array(await g.crypto.subtle.digest('SHA-256', bytes));
      chunks.push({ takeId: row.takeId, seq: row.seq, type: row.pcm.constructor.name, length: row.pcm.length, sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('') });
    }
    return {
      takes: (takes as Record<string, unknown>[]).sort((a, b) => String(a.id).localeCompare(String(b.id))),
      chunks: chunks.sort((a, b) => a.takeId.localeCompare(b.takeId) || a.seq - b.seq),
    };
  });
}

// Open the `voicedrill` database in the page, run `work` on its one profile row, close it.
type ProfileDb = { transaction(names: string[], mode?: string): { objectStore(n: string): { getAll(): Req; put(row: unknown): Req } }; close(): void };

/** The stored profile row as it is stored (null when there is none). */
export async function readStoredProfile(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { indexedDB: Idb };
    const open = g.indexedDB.open('voicedrill');
    const db = await new Promise<ProfileDb>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result as unknown as ProfileDb);
      open.onerror = () => reject(open.error);
    });
    const req = db.transaction(['profile']).objectStore('profile').getAll();
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return (rows[0] as Record<string, unknown> | undefined) ?? null;
  });
}

/** Store a profile row as it is (e.g. with a calibration), then reload so the app reads it. */
export async function writeStoredProfile(page: Page, row: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (record) => {
    const g = globalThis as unknown as { indexedDB: Idb };
    const open = g.indexedDB.open('voicedrill');
    const db = await new Promise<ProfileDb>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result as unknown as ProfileDb);
      open.onerror = () => reject(open.error);
    });
    const req = db.transaction(['profile'], 'readwrite').objectStore('profile').put(record);
    await new Promise<void>((resolve, reject) => {
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    db.close();
  }, row);
  await page.reload();
  await page.locator('h1').waitFor();
}

/** Delete the whole `voicedrill` database (the app's open connection closes on the version change), then reload. */
export async function clearAllData(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const g = globalThis as unknown as { indexedDB: Idb };
    await new Promise<void>((resolve, reject) => {
      const req = g.indexedDB.deleteDatabase('voicedrill');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('deleting the database is blocked by an open connection'));
    });
  });
  await page.reload();
  await page.locator('h1').waitFor();
}

/** Record one take of the drill already picked (count-in off) and return its id once the scorecard shows. */
export async function recordTake(page: Page): Promise<string> {
  await page.locator('[data-action="start"]').click();
  await page.locator('.record-card[data-phase="recording"]').waitFor({ timeout: 10_000 });
  await waitForScorecard(page);
  return (await page.getByTestId('scorecard').getAttribute('data-take-id')) ?? '';
}

/** How many pixels of a canvas are not fully transparent (run on a canvas element handle's evaluate). */
export function paintedPixels(canvas: unknown): number {
  const c = canvas as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
  const ctx = c.getContext('2d');
  if (!ctx || c.width === 0 || c.height === 0) return 0;
  const data = ctx.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
  return n;
}
