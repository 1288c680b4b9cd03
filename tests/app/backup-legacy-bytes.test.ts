/**
 * A backup without trainer packs, roster or user drills is written byte for byte as before format version 3:
 * version 1 (takes only) or 2 (takes and calls). The SHA-256 of each file was taken from the app before version
 * 3 existed, with the manifest's `app` field (analysis and schema version, which change with the app) set to fixed
 * values and the file re-encoded: every other byte — key order, drills, takes, calls, the data section — is compared.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callAudioPart, decodeContainer, encodeContainer, packBackup, type BackupContents } from '../../src/backup/index.ts';
import { parseDrill } from '../../src/drills/index.ts';
import { SCHEMA_VERSION, type TakeRecord } from '../../src/storage/index.ts';
import { callPeaks, callRecord } from '../helpers/call-record.ts';

function drill(): NonNullable<TakeRecord['drill']> {
  const parsed = parseDrill({ id: 'legacy-drill', kind: 'passage', lang: 'en', title: { 'zh-CN': '旧', en: 'Old' }, template: 'Thank you for calling the help desk today, how can I help you with your order?' });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
}

function contents(withCall: boolean): BackupContents {
  const take: TakeRecord = {
    schemaVersion: SCHEMA_VERSION, id: 'take-1', drillId: 'legacy-drill', drill: drill(), script: 'Thank you for calling, how can I help?',
    createdAt: '2026-11-20T09:00:00.000Z', status: 'recorded', sampleRateHz: 16000, durationSec: 0.5, report: null, analysisVersion: null,
    name: 'first', failure: null, incomplete: false, countAnyway: false,
  };
  const pcm = Int16Array.from({ length: 8000 }, (_, i) => ((i * 37) % 2000) - 1000);
  const audio = Uint8Array.from({ length: 300 }, (_, i) => (i * 11) & 255);
  return {
    exportedAt: '2026-12-01T12:00:00.000Z', profile: null, drills: [drill()],
    takes: [{ record: take, chunks: [{ takeId: 'take-1', seq: 0, pcm }] }],
    calls: withCall ? [{ record: callRecord('call-1', 1000, { keepAudio: true, audioBytes: 300, peaks: callPeaks(20, 3) }), audio: [callAudioPart(0, audio)] }] : [],
  };
}

async function digest(parts: readonly (Uint8Array<ArrayBuffer> | Blob)[]): Promise<{ version: unknown; sha256: string }> {
  const bytes = new Uint8Array(await new Blob([...parts]).arrayBuffer());
  const { manifest, data } = decodeContainer(bytes);
  const m = manifest as Record<string, unknown>;
  const fixed = encodeContainer({ ...m, app: { analysisVersion: 'fixed', schemaVersion: 0 } }, [data]);
  return { version: m.formatVersion, sha256: createHash('sha256').update(Buffer.concat(fixed)).digest('hex') };
}

describe('backups without the version 3 tables', () => {
  it('are written exactly as before: version 1 for takes only, version 2 with calls', async () => {
    // Taken from the app at fed90a6, before format version 3.
    const v1 = { version: 1, sha256: '4e1248e58482032120c30f928aeef49350bdfe4134009291d75ecb563ec73879' };
    const v2 = { version: 2, sha256: 'd2003cd8c9d3f32aa9d915b13399e26bf92e072e0731ad6644f4e6a07d03bb05' };
    expect(await digest(packBackup(contents(false)))).toEqual(v1);
    expect(await digest(packBackup(contents(true)))).toEqual(v2);
    // Empty version 3 sections are not written either.
    const empty = { userDrills: [], assignedPacks: [], authoredPacks: [], packModels: [], rosterTakes: [], rosterPacks: [] };
    expect(await digest(packBackup({ ...contents(false), ...empty }))).toEqual(v1);
    expect(await digest(packBackup({ ...contents(true), ...empty }))).toEqual(v2);
  });
});
