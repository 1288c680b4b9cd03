// Packs, pushes, audio and the roster over the sync API (issue 13), against a real PostgreSQL: idempotent pushes,
// pack versions (older → 409, the same again unchanged), audio rules, the roster exactly as RosterInput, and malformed
// bodies refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRoster } from '../../src/packs/roster.ts';
import { parseAssignmentsResponse, parsePushResponse, parseRosterResponse } from '../../src/sync/protocol-schema.ts';
import { rawPack, samplePack } from '../packs/pack-fixtures.ts';
import { smallWav } from '../packs/results-fixture.ts';
import { buildOrg, call, json, openHarness, rowCounts, snapshot, syncTake, type Harness, type Org } from './api-harness.ts';

let h: Harness;
let org: Org;
const wav = Buffer.from(smallWav());
const PACK = '/v1/packs/riverside-onboarding';

beforeAll(async () => {
  h = await openHarness();
  org = await buildOrg(h, 'Riverside');
});
afterAll(async () => {
  await h?.close();
});

const count = async (sql: string, ...params: string[]): Promise<number> => Number((await h.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))[0].n);

describe('packs', () => {
  it('publish, then the same version again changes nothing, an older one is 409, a newer one replaces it', async () => {
    expect(json(await call(h.app, 'PUT', PACK, org.t1.token, { pack: rawPack(), groupIds: [org.g1] }), 200))
      .toEqual({ packId: 'riverside-onboarding', version: 3, groupIds: [org.g1] });
    const before = await snapshot(h.db);
    expect((await call(h.app, 'PUT', PACK, org.t1.token, { pack: rawPack(), groupIds: [org.g1] })).statusCode).toBe(200);
    expect(await snapshot(h.db)).toBe(before);
    const older = await call(h.app, 'PUT', PACK, org.t1.token, { pack: { ...rawPack(), version: 2 }, groupIds: [org.g1] });
    expect(older.statusCode).toBe(409);
    expect(older.json()).toMatchObject({ code: 'conflict' });
    expect(await snapshot(h.db)).toBe(before);
    json(await call(h.app, 'PUT', PACK, org.t1.token, { pack: { ...rawPack(), version: 4, title: 'Week 2' }, groupIds: [org.g1] }), 200);
    const assigned = parseAssignmentsResponse(json(await call(h.app, 'GET', '/v1/assignments', org.a1.token), 200));
    if (!assigned.ok) throw new Error(assigned.error);
    expect(assigned.value.packs).toHaveLength(1);
    expect(assigned.value.packs[0].pack).toEqual({ ...samplePack(), version: 4, title: 'Week 2' });
    expect(assigned.value.packs[0].groupIds).toEqual([org.g1]);
    expect(await count('packs WHERE org_id = $1', org.orgId)).toBe(2);
    // Agents of the other group see none of it.
    expect(json<{ packs: unknown[] }>(await call(h.app, 'GET', '/v1/assignments', org.a2.token), 200).packs).toEqual([]);
  });

  it('the pack must match its address and pass pack validation; nothing is written otherwise', async () => {
    const before = await snapshot(h.db);
    const cases: Array<[string, unknown]> = [
      ['/v1/packs/other-id', { pack: rawPack(), groupIds: [org.g1] }],
      [PACK, { pack: { ...rawPack(), drills: [] }, groupIds: [org.g1] }],
      [PACK, { pack: rawPack(), groupIds: [] }],
      [PACK, { pack: rawPack() }],
      [PACK, JSON.parse(`{"pack":${JSON.stringify(rawPack())},"groupIds":["${org.g1}"],"__proto__":{}}`)],
    ];
    for (const [url, body] of cases) {
      const r = await call(h.app, 'PUT', url, org.admin.token, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json<{ error: string; code: string }>()).toMatchObject({ code: 'bad-request', error: expect.stringMatching(/^[A-Z].*\.$/) });
    }
    expect(await snapshot(h.db)).toBe(before);
  });
});

describe('pushes', () => {
  it('the same take twice is a duplicate, one row; completions upsert', async () => {
    const completion = { packId: 'riverside-onboarding', packVersion: 4, drillId: 'rb-greeting', completedAt: '2026-12-03T09:30:00.000Z' };
    const first = parsePushResponse(json(await call(h.app, 'POST', '/v1/takes', org.a1.token, { takes: [syncTake('t-1'), syncTake('t-2', '2026-12-03T09:05:00.000Z')], completions: [completion] }), 200));
    expect(first).toEqual({ ok: true, value: { accepted: ['t-1', 't-2'], duplicates: [], completionsAccepted: 1 } });
    const stored = await h.db.query<{ summary: unknown }>("SELECT summary FROM takes WHERE org_id = $1 AND take_id = 't-1'", [org.orgId]);
    expect(stored[0].summary).toEqual(syncTake('t-1'));
    const before = await snapshot(h.db);
    const changed = { ...syncTake('t-1'), durationSec: 99 };
    const again = json(await call(h.app, 'POST', '/v1/takes', org.a1.token, { takes: [changed, syncTake('t-3')], completions: [completion] }), 200);
    expect(again).toEqual({ accepted: ['t-3'], duplicates: ['t-1'], completionsAccepted: 1 });
    expect(await count("takes WHERE org_id = $1 AND take_id = 't-1'", org.orgId)).toBe(1);
    expect((await h.db.query<{ summary: { durationSec: number } }>("SELECT summary FROM takes WHERE org_id = $1 AND take_id = 't-1'", [org.orgId]))[0].summary.durationSec).toBe(4.25);
    expect(JSON.parse(await snapshot(h.db))[0].takes).toBe(JSON.parse(before)[0].takes + 1);
    expect(await count('completions WHERE org_id = $1', org.orgId)).toBe(1);
    // A later completion of the same drill replaces it; an earlier one does not.
    json(await call(h.app, 'POST', '/v1/takes', org.a1.token, { takes: [], completions: [{ ...completion, completedAt: '2026-12-03T10:00:00.000Z' }] }), 200);
    json(await call(h.app, 'POST', '/v1/takes', org.a1.token, { takes: [], completions: [{ ...completion, completedAt: '2026-12-03T08:00:00.000Z' }] }), 200);
    const rows = await h.db.query<{ t: Date }>('SELECT completed_at AS t FROM completions WHERE org_id = $1', [org.orgId]);
    expect(rows.map((r) => r.t.toISOString())).toEqual(['2026-12-03T10:00:00.000Z']);
  });

  it('a push is all or nothing: a malformed take refuses the whole push', async () => {
    const before = await rowCounts(h.db);
    for (const body of [
      { takes: [syncTake('t-10'), { ...syncTake('t-11'), lang: 'fr' }], completions: [] },
      { takes: [syncTake('t-10'), syncTake('t-10')], completions: [] },
      { takes: Array.from({ length: 101 }, (_, i) => syncTake(`t-x${i}`)), completions: [] },
      { takes: [syncTake('t-10')] },
      { takes: [{ ...syncTake('t-10'), personId: org.a2.id }], completions: [] },
    ]) {
      const r = await call(h.app, 'POST', '/v1/takes', org.a1.token, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({ code: 'bad-request' });
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

describe('take audio', () => {
  it('only for a pushed take of one\'s own, a real WAV, idempotent', async () => {
    const notPushed = await call(h.app, 'PUT', '/v1/takes/t-none/audio', org.a1.token, wav, 'audio/wav');
    expect(notPushed.statusCode).toBe(404);
    const notWav = await call(h.app, 'PUT', '/v1/takes/t-1/audio', org.a1.token, Buffer.from('not a wav at all, just text'), 'audio/wav');
    expect(notWav.statusCode).toBe(400);
    expect(notWav.json<{ error: string }>().error).toContain('RIFF/WAVE');
    expect(await count('take_audio')).toBe(0);
    expect((await call(h.app, 'PUT', '/v1/takes/t-1/audio', org.a1.token, wav, 'audio/wav')).statusCode).toBe(204);
    const before = await snapshot(h.db);
    const second = Buffer.concat([wav, Buffer.alloc(10)]);
    expect((await call(h.app, 'PUT', '/v1/takes/t-1/audio', org.a1.token, second, 'audio/wav')).statusCode).toBe(204);
    expect(await snapshot(h.db)).toBe(before);
    const got = await call(h.app, 'GET', '/v1/takes/t-1/audio', org.a1.token);
    expect(got.rawPayload.equals(wav)).toBe(true);
    expect(await count('take_audio')).toBe(1);
    expect((await call(h.app, 'PUT', '/v1/takes/t-1/audio', org.a1.token, { wav: 'x' })).statusCode).toBe(400);
  });
});

describe('roster', () => {
  it('entries are RosterInput: the agents of the group × the packs assigned to it, with their takes; the app builds cells from it', async () => {
    json(await call(h.app, 'POST', '/v1/takes', org.a1b.token, { takes: [syncTake('b-1')], completions: [] }), 200);
    json(await call(h.app, 'POST', '/v1/takes', org.a2.token, { takes: [syncTake('c-1')], completions: [] }), 200);
    // A free-practice take (no pack) is not on the roster.
    json(await call(h.app, 'POST', '/v1/takes', org.a1.token, { takes: [{ ...syncTake('free-1'), packId: null, packVersion: null }], completions: [] }), 200);
    const read = parseRosterResponse(json(await call(h.app, 'GET', `/v1/roster?groupId=${org.g1}`, org.t1.token), 200));
    if (!read.ok) throw new Error(read.error);
    const entries = read.value.entries;
    expect(entries.map((e) => [e.agentName, e.pack.id, e.pack.version, e.takes.map((t) => t.takeId)])).toEqual([
      ['Agent One', 'riverside-onboarding', 4, ['t-1', 't-3', 't-2']],
      ['Agent One B', 'riverside-onboarding', 4, ['b-1']],
    ]);
    const pack = samplePack();
    expect(entries[0].pack).toEqual({
      id: 'riverside-onboarding', version: 4, title: 'Week 2', author: pack.author,
      drills: pack.drills.map((d) => ({ id: d.drill.id, version: d.drill.version, title: d.drill.title, attemptsRequired: d.attemptsRequired, dueDate: d.dueDate })),
    });
    const cells = buildRoster(entries, '2026-12-05');
    const greeting = cells.find((c) => c.agentId === org.a1.id && c.drillId === 'rb-greeting')!;
    expect(greeting.attempts).toBe(3);
    expect(greeting.complete).toBe(true);
    expect(greeting.takeIds).toEqual(['t-1', 't-3', 't-2']);
    // The admin's whole-organisation roster adds group 2's agent with no pack there: none yet, so no entry.
    const all = json<{ entries: Array<{ agentId: string }> }>(await call(h.app, 'GET', '/v1/roster', org.admin.token), 200);
    expect(all.entries.map((e) => e.agentId)).not.toContain(org.a2.id);
    json(await call(h.app, 'PUT', PACK, org.t2.token, { pack: { ...rawPack(), version: 4, title: 'Week 2' }, groupIds: [org.g2] }), 200);
    const after = json<{ entries: Array<{ agentId: string; takes: Array<{ takeId: string }> }> }>(await call(h.app, 'GET', '/v1/roster', org.admin.token), 200);
    expect(after.entries.find((e) => e.agentId === org.a2.id)?.takes.map((t) => t.takeId)).toEqual(['c-1']);
  });

  it('an unknown or malformed group id is not found', async () => {
    for (const q of ['g-nothere', 'BAD ID']) {
      const r = await call(h.app, 'GET', `/v1/roster?groupId=${encodeURIComponent(q)}`, org.admin.token);
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ code: 'not-found' });
    }
  });
});
