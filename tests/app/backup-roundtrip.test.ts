import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ANALYSIS_VERSION } from '../../src/analysis/index.ts';
import {
  BackupError, CONTAINER_HEADER_BYTES, decodeContainer, defaultProfileChoice, deleteAllData, encodeContainer, exportBackup, importBackup, profilesDiffer, unpackBackup,
} from '../../src/backup/index.ts';
import { crc32 } from '../../src/backup/crc32.ts';
import { findBuiltInDrill, parseDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';
import { fillsBoth } from '../helpers/profile.ts';

const opened: VoiceDrillStore[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const s of opened.splice(0)) s.close();
});

async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `backup-${Math.random()}` });
  opened.push(store);
  return store;
}

function noise(seed: number, n: number): Float32Array {
  const out = new Float32Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = x / 1073741824 - 1;
  }
  out[0] = 1;
  out[1] = -1;
  return out;
}

const customDrill = (): Drill => {
  const parsed = parseDrill({ id: 'my-passage', kind: 'passage', lang: 'zh', title: { 'zh-CN': '我的短文，"引号"', en: 'My passage' }, template: '今天天气很好，我们一起去公园散步，看看花，听听鸟叫。', bands: { rate: { goodMin: 170 } } });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
};

/** A store with a profile and four takes: analysed (Int16 audio), recorded, failed, and one holding an old Float32 chunk. */
async function populated(): Promise<VoiceDrillStore> {
  const store = await freshStore();
  await store.saveProfile({ fills: fillsBoth('李雷', '蓝天航空'), scriptLang: 'zh', uiLang: 'zh-CN', baseline: { medianHz: 180.5, activeLevelDbfs: -22.25, brightnessHz: 1300, recordedAt: '2026-11-01T08:00:00.000Z', analysisVersion: ANALYSIS_VERSION } });
  const greeting = findBuiltInDrill('zh-greeting3') as Drill;
  const script = renderDrill(greeting, { name: '李雷', company: '蓝天航空' }).script;
  const a = await store.createTake({ drill: greeting, script, sampleRateHz: 16000, createdAt: new Date('2026-11-20T09:00:00Z'), name: 'first, "best" try\nline 2' });
  for (let seq = 0; seq < 3; seq++) await store.appendAudioChunk(a.id, seq, noise(seq + 1, 16000));
  await store.finishTake(a.id, 3);
  await store.saveReport(a.id, makeReport({ rate: ['good', 201.3], volume: ['good', -21.07], pauses: ['borderline', 0.95] }));
  const b = await store.createTake({ drill: customDrill(), script: customDrill().template, sampleRateHz: 48000, createdAt: new Date('2026-11-21T09:00:00Z') });
  await store.appendAudioChunk(b.id, 0, noise(9, 4800));
  await store.finishTake(b.id, 1);
  const c = await store.createTake({ drill: greeting, script, sampleRateHz: 44100, createdAt: new Date('2026-11-22T09:00:00Z') });
  await store.failTake(c.id, 'The analysis failed: test.');
  const d = await store.createTake({ drill: greeting, script, sampleRateHz: 8000, createdAt: new Date('2026-11-22T10:00:00Z') });
  await store.db.audioChunks.put({ takeId: d.id, seq: 0, pcm: noise(5, 800) }); // older data: Float32
  await store.finishTake(d.id, 0.1);
  return store;
}

/** Every row of every table, for "nothing changed" checks. */
async function dump(store: VoiceDrillStore): Promise<unknown> {
  const db = store.db;
  return { takes: await db.takes.toArray(), chunks: await db.audioChunks.toArray(), profile: await db.profile.toArray() };
}

let cachedBytes: Uint8Array | null = null;
/** The backup of populated() (made once; a copy each time). */
async function sampleBackup(): Promise<Uint8Array> {
  cachedBytes ??= await backupBytes(await populated());
  return cachedBytes.slice();
}

async function backupBytes(store: VoiceDrillStore): Promise<Uint8Array> {
  const { blob } = await exportBackup(store, new Date('2026-11-23T12:00:00Z'));
  return new Uint8Array(await blob.arrayBuffer());
}

describe('backup round trip', () => {
  it('export → clear → import gives back identical takes, audio bytes, profile', async () => {
    const source = await populated();
    const before = await dump(source);
    const bytes = await backupBytes(source);
    const target = await freshStore();
    const result = await importBackup(target, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    expect(result).toEqual({ added: 4, updated: 0, skipped: 0, profileImported: true, profile: 'taken', callsAdded: 0, callsSkipped: 0 });
    expect(await dump(target)).toEqual(before);
    // The typed arrays keep their kind: Int16 stays Int16, the old Float32 chunk stays Float32.
    const chunks = await target.db.audioChunks.toArray();
    expect(chunks.filter((c) => c.pcm instanceof Float32Array).length).toBe(1);
    expect(chunks.filter((c) => c.pcm instanceof Int16Array).length).toBe(4);
    for (const take of await source.listTakes()) {
      expect(await target.getTake(take.id)).toEqual(take);
      // Same key order too: a stored report keeps the canonical order the CLI prints.
      expect(JSON.stringify(await target.getTake(take.id))).toBe(JSON.stringify(take));
      if (take.status !== 'failed') expect(await target.loadTakeAudio(take.id)).toEqual(await source.loadTakeAudio(take.id));
    }
  });

  it('is exactly the bytes of the format (magic, version, manifest with format id)', async () => {
    const bytes = await sampleBackup();
    expect(String.fromCharCode(...bytes.subarray(0, 8))).toBe('VDBACKUP');
    const { manifest } = decodeContainer(bytes);
    expect(manifest).toMatchObject({ format: 'voicedrill-backup', formatVersion: 1, exportedAt: '2026-11-23T12:00:00.000Z', app: { analysisVersion: ANALYSIS_VERSION } });
    // One drill snapshot per distinct drill, not one per take.
    expect((manifest as { drills: unknown[] }).drills.length).toBe(2);
  });

  it('imports the same file twice without duplicates', async () => {
    const bytes = await sampleBackup();
    const target = await freshStore();
    await importBackup(target, bytes);
    const once = await dump(target);
    expect(await importBackup(target, bytes)).toEqual({ added: 0, updated: 0, skipped: 4, profileImported: false, profile: 'kept', callsAdded: 0, callsSkipped: 0 });
    expect(await dump(target)).toEqual(once);
  });

  it('keeps the newer analysis of a take that is already here, never an older one', async () => {
    const source = await populated();
    const [analysed] = await source.listTakes({ status: 'analysed' });
    const bytes = await backupBytes(source);
    const target = await freshStore();
    await importBackup(target, bytes);
    // Here the take's results are from an older analysis: the backup's newer results replace them, the audio stays.
    const raw = await target.db.takes.get(analysed.id);
    await target.db.takes.put({ ...raw!, report: { ...raw!.report!, analysisVersion: '0.9.0' }, analysisVersion: '0.9.0' });
    const audio = await target.loadTakeAudio(analysed.id);
    expect(await importBackup(target, bytes)).toMatchObject({ added: 0, updated: 1, skipped: 3 });
    expect((await target.getTake(analysed.id))?.analysisVersion).toBe(ANALYSIS_VERSION);
    expect(await target.loadTakeAudio(analysed.id)).toEqual(audio);
    // The other way round, an older backup does not downgrade the results here.
    const older = await freshStore();
    await importBackup(older, bytes);
    const raw2 = await older.db.takes.get(analysed.id);
    await older.db.takes.put({ ...raw2!, report: { ...raw2!.report!, analysisVersion: '9.0.0' }, analysisVersion: '9.0.0' });
    expect(await importBackup(older, bytes)).toMatchObject({ updated: 0, skipped: 4 });
    expect((await older.getTake(analysed.id))?.analysisVersion).toBe('9.0.0');
  });

  it('on a new device (first-run profile, not calibrated) takes the backup’s profile and calibration by default', async () => {
    const bytes = await sampleBackup();
    const backup = unpackBackup(bytes.slice()).profile;
    const target = await freshStore();
    // What the first run leaves: a name typed again, the UI language chosen here, no calibration.
    await target.saveProfile({ fills: fillsBoth('Li Lei', ''), scriptLang: 'en', uiLang: 'en', baseline: null });
    const result = await importBackup(target, bytes);
    expect(result).toMatchObject({ added: 4, profileImported: true, profile: 'taken' });
    const profile = await target.getProfile();
    expect(profile).toEqual({ fills: fillsBoth('李雷', '蓝天航空'), scriptLang: 'zh', uiLang: 'en', baseline: backup?.baseline });
    expect(profile?.baseline?.medianHz).toBe(180.5);
  });

  it('keeps this device’s profile when asked, and a calibrated one by default', async () => {
    const bytes = await sampleBackup();
    const asked = await freshStore();
    await asked.saveProfile({ fills: fillsBoth('Sam', 'Riverside'), scriptLang: 'en', uiLang: 'en', baseline: null });
    expect(await importBackup(asked, bytes, { profile: 'device' })).toMatchObject({ profileImported: false, profile: 'kept' });
    expect((await asked.getProfile())?.fills.en.name).toBe('Sam');

    const calibrated = await freshStore();
    const baseline = { medianHz: 120, activeLevelDbfs: -25, recordedAt: '2026-11-25T08:00:00.000Z', analysisVersion: ANALYSIS_VERSION };
    await calibrated.saveProfile({ fills: fillsBoth('Sam', 'Riverside'), scriptLang: 'en', uiLang: 'en', baseline });
    expect(await importBackup(calibrated, bytes)).toMatchObject({ added: 4, profileImported: false, profile: 'kept' });
    expect((await calibrated.getProfile())?.baseline).toEqual(baseline);
    // …and takes the backup's when asked.
    expect(await importBackup(calibrated, bytes, { profile: 'backup' })).toMatchObject({ added: 0, profile: 'taken' });
    expect((await calibrated.getProfile())?.baseline?.medianHz).toBe(180.5);
  });
});

describe('delete all data', () => {
  it('empties every table (takes, audio, profile) and says how many takes went', async () => {
    const store = await populated();
    expect(await store.db.audioChunks.count()).toBeGreaterThan(0);
    expect(await deleteAllData(store)).toEqual({ takes: 4, calls: 0 });
    for (const table of store.db.tables) expect(await table.count()).toBe(0);
    expect(await store.getProfile()).toBeNull();
    expect(await deleteAllData(store)).toEqual({ takes: 0, calls: 0 });
  });
});

describe('profile choice on import', () => {
  const base = { fills: fillsBoth('Alex', 'Bluebird'), scriptLang: 'en' as const, uiLang: 'en' as const, baseline: null };
  const baseline = { medianHz: 110, activeLevelDbfs: -24, recordedAt: null, analysisVersion: ANALYSIS_VERSION };
  it('offers the backup’s first when this device’s is missing, empty or uncalibrated', () => {
    expect(defaultProfileChoice(null, { ...base, baseline })).toBe('backup');
    expect(defaultProfileChoice(base, { ...base, baseline })).toBe('backup');
    expect(defaultProfileChoice({ ...base, fills: fillsBoth('', ''), baseline }, { ...base, baseline })).toBe('backup');
    expect(defaultProfileChoice({ ...base, baseline }, { ...base, fills: fillsBoth('Other', 'Bluebird') })).toBe('device');
    expect(defaultProfileChoice(base, null)).toBe('device');
  });
  it('sees a difference in name, company, script language or calibration, not in the UI language', () => {
    expect(profilesDiffer(base, { ...base, uiLang: 'zh-CN' })).toBe(false);
    expect(profilesDiffer(base, { ...base, baseline })).toBe(true);
    expect(profilesDiffer(base, { ...base, fills: { ...base.fills, zh: { name: 'Alex', company: 'X' } } })).toBe(true);
    expect(profilesDiffer(null, base)).toBe(true);
    expect(profilesDiffer(base, null)).toBe(false);
  });
});

describe('bad backup files change nothing', () => {
  let target: VoiceDrillStore | null = null;
  let before: unknown = null;
  afterAll(() => target?.close());
  // One populated store serves every case: if any rejected file wrote anything, a later check fails too.
  async function expectRejected(bytes: Uint8Array, kind: BackupError['kind']): Promise<void> {
    if (target === null) {
      target = await openStore({ name: `backup-target-${Math.random()}` });
      const source = await populated();
      await importBackup(target, await backupBytes(source));
      before = await dump(target);
    }
    const error = await importBackup(target, bytes).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).kind).toBe(kind);
    expect((error as BackupError).message).toMatch(/\.$/);
    expect(await dump(target)).toEqual(before);
  }

  // A container around an edited manifest (checksums recomputed, so only the edit is wrong).
  async function withManifest(edit: (m: Record<string, unknown>) => void): Promise<Uint8Array> {
    const { manifest, data } = decodeContainer(await sampleBackup());
    edit(manifest as Record<string, unknown>);
    const parts = encodeContainer(manifest, [data]);
    return new Uint8Array(await new Blob(parts).arrayBuffer());
  }

  it('rejects foreign files', async () => {
    await expectRejected(new TextEncoder().encode('date,drill\n2026-11-23,x\n'), 'not-a-backup');
    await expectRejected(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'not-a-backup');
    await expectRejected(new Uint8Array(0), 'not-a-backup');
    await expectRejected(await withManifest((m) => { m.format = 'someone-elses-backup'; }), 'not-a-backup');
  });

  it('rejects files cut short anywhere', async () => {
    const bytes = await sampleBackup();
    const manifestEnd = CONTAINER_HEADER_BYTES + new DataView(bytes.buffer).getUint32(12, true);
    for (const cut of [4, 12, CONTAINER_HEADER_BYTES + 10, manifestEnd - 1, manifestEnd + 100, bytes.length - 1]) {
      await expectRejected(bytes.slice(0, cut), 'truncated');
    }
  });

  it('rejects damaged files', async () => {
    const bytes = await sampleBackup();
    const audioFlip = bytes.slice();
    audioFlip[bytes.length - 10] ^= 0xff;
    await expectRejected(audioFlip, 'corrupt');
    const manifestFlip = bytes.slice();
    manifestFlip[CONTAINER_HEADER_BYTES + 30] ^= 0x01;
    await expectRejected(manifestFlip, 'corrupt');
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    await expectRejected(longer, 'corrupt');
    await expectRejected(await withManifest((m) => { (m.takes as { record: { status: string } }[])[0].record.status = 'exploded'; }), 'corrupt');
    await expectRejected(await withManifest((m) => { (m.takes as { record: { report: { verdicts: unknown } } }[])[0].record.report.verdicts = 'none'; }), 'corrupt');
    await expectRejected(await withManifest((m) => { const t = m.takes as unknown[]; t.push(t[0]); }), 'corrupt');
    await expectRejected(await withManifest((m) => { (m.takes as { chunks: { crc32: number }[] }[])[0].chunks[0].crc32 ^= 1; }), 'corrupt');
  });

  it('rejects files of a newer version with its own message', async () => {
    await expectRejected(await withManifest((m) => { m.formatVersion = 4; }), 'newer-version');
    await expectRejected(await withManifest((m) => { (m.takes as { record: { schemaVersion: number } }[])[0].record.schemaVersion = 99; }), 'newer-version');
    const bytes = await sampleBackup();
    const newerContainer = bytes.slice();
    new DataView(newerContainer.buffer).setUint32(8, 2, true);
    await expectRejected(newerContainer, 'newer-version');
  });

  it('validates the whole file before writing: unpackBackup alone reads everything', async () => {
    const contents = unpackBackup(await sampleBackup());
    expect(contents.takes.length).toBe(4);
    expect(contents.profile?.fills.zh.name).toBe('李雷');
  });

  it('rolls back completely when the write itself fails', async () => {
    const bytes = await sampleBackup();
    const target = await freshStore();
    const before = await dump(target);
    vi.spyOn(target.db.audioChunks, 'bulkAdd').mockImplementation(() => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); });
    await expect(importBackup(target, bytes)).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect(await dump(target)).toEqual(before);
  });
});

describe('CRC-32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
