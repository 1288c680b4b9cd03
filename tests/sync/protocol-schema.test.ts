// The sync protocol's parsers (issue 13): a valid example of every request and response passes unchanged, and each
// kind of wrong input is refused with one sentence naming the field.
import { describe, expect, it } from 'vitest';
import {
  parseAssignmentsResponse, parseCreateGroupRequest, parseCreateInviteRequest, parseCreatePersonRequest, parseDeviceInfo,
  parseDeviceList, parseErrorBody, parseGroupInfo, parseGroupList, parseHealthBody, parseInviteResponse, parseJoinRequest,
  parseJoinResponse, parseMeResponse, parsePersonInfo, parsePersonList, parsePublishPackRequest, parsePublishPackResponse,
  parsePushRequest, parsePushResponse, parseReadyBody, parseRosterResponse, parseUpdatePersonRequest,
} from '../../src/sync/protocol-schema.ts';
import { formatInviteCode, normaliseInviteCode } from '../../src/sync/invite-code.ts';
import type { ReadResult } from '../../src/packs/types.ts';
import type { DeviceInfo, PersonInfo, SyncTake } from '../../src/sync/protocol.ts';
import { rawPack, samplePack } from '../packs/pack-fixtures.ts';
import { take, validResults } from '../packs/results-fixture.ts';

const ok = <T>(r: ReadResult<T>): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const err = <T>(r: ReadResult<T>): string => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};
const oneSentence = (s: string): void => {
  expect(s).toMatch(/^[A-Z].*[.]$/s);
};

const device: DeviceInfo = { id: 'd-1', personId: 'p-1', name: 'Front desk PC', createdAt: '2026-12-03T08:00:00.000Z', lastSeenAt: null, revokedAt: null };
const person: PersonInfo = { id: 'p-1', name: 'Li Na', role: 'agent', groupIds: ['g-1'] };
const syncTake = (id: string, extra: Partial<SyncTake> = {}): SyncTake => ({
  ...take(id, 'hello', '2026-12-01T09:00:00.000Z', 150, 'good'), packId: 'greetings', packVersion: 2, ...extra,
});
const token = `vdt.org-1.d-1.${'A'.repeat(43)}`;

describe('invite codes', () => {
  it('normalises case, dashes, spaces and the look-alike letters', () => {
    expect(normaliseInviteCode('7k3m-9qxd-2hva')).toBe('7K3M9QXD2HVA');
    expect(normaliseInviteCode(' 7K3M 9QXD 2HVA ')).toBe('7K3M9QXD2HVA');
    expect(normaliseInviteCode('IL0O-0000-0000')).toBe('110000000000');
    expect(normaliseInviteCode('7K3M-9QXD-2HV')).toBeNull();
    expect(normaliseInviteCode('7K3M-9QXD-2HVU')).toBeNull(); // U is not Crockford
    expect(formatInviteCode('7K3M9QXD2HVA')).toBe('7K3M-9QXD-2HVA');
  });
});

describe('requests', () => {
  it('join: valid, and a code that cannot be one refused', () => {
    expect(ok(parseJoinRequest({ inviteCode: '7k3m-9qxd-2hva', deviceName: 'Laptop' }))).toEqual({ inviteCode: '7k3m-9qxd-2hva', deviceName: 'Laptop' });
    const e = err(parseJoinRequest({ inviteCode: 'hello', deviceName: 'Laptop' }));
    oneSentence(e);
    expect(e).toContain('"inviteCode"');
    expect(err(parseJoinRequest({ inviteCode: '7K3M-9QXD-2HVA' }))).toContain('"deviceName"');
    expect(err(parseJoinRequest({ inviteCode: '7K3M-9QXD-2HVA', deviceName: '   ' }))).toContain('must not be empty');
    expect(err(parseJoinRequest({ inviteCode: '7K3M-9QXD-2HVA', deviceName: 'x'.repeat(121) }))).toContain('at most 120');
    expect(err(parseJoinRequest('text'))).toBe('The join request must be a JSON object.');
  });

  it('refuses hostile keys and control characters before any schema', () => {
    const hostile = JSON.parse('{"inviteCode":"7K3M-9QXD-2HVA","deviceName":"x","__proto__":{"admin":true}}') as unknown;
    expect(err(parseJoinRequest(hostile))).toContain('"__proto__"');
    expect(err(parseCreateGroupRequest({ name: 'a\u0000b' }))).toContain('control character');
    const deep = JSON.parse('{"takes":[],"completions":[],"constructor":1}') as unknown;
    expect(err(parsePushRequest(deep))).toContain('"constructor"');
  });

  it('groups, people, changes, invites', () => {
    expect(ok(parseCreateGroupRequest({ name: 'Night shift' }))).toEqual({ name: 'Night shift' });
    expect(err(parseCreateGroupRequest({ name: 'A', extra: 1 }))).toBe('The new group has the unknown field "extra".');
    expect(ok(parseCreatePersonRequest({ name: 'Wu', role: 'trainer', groupIds: ['g-1', 'g-2'] })).role).toBe('trainer');
    expect(err(parseCreatePersonRequest({ name: 'Wu', role: 'boss', groupIds: [] }))).toContain('"role" must be "agent", "trainer" or "admin"');
    expect(err(parseCreatePersonRequest({ name: 'Wu', role: 'agent', groupIds: ['G 1'] }))).toContain('"groupIds[0]"');
    expect(err(parseCreatePersonRequest({ name: 'Wu', role: 'agent', groupIds: ['g-1', 'g-1'] }))).toContain('must not name a group twice');
    expect(ok(parseUpdatePersonRequest({ groupIds: [] }))).toEqual({ groupIds: [] });
    expect(err(parseUpdatePersonRequest({}))).toBe('The change of person must give a role, groupIds or both.');
    expect(ok(parseCreateInviteRequest({ personId: 'p-1', ttlHours: 24 }))).toEqual({ personId: 'p-1', ttlHours: 24 });
    expect(ok(parseCreateInviteRequest({ personId: 'p-1' }))).toEqual({ personId: 'p-1' });
    expect(err(parseCreateInviteRequest({ personId: 'p-1', ttlHours: 721 }))).toContain('from 1 to 720');
    expect(err(parseCreateInviteRequest({ personId: 'p-1', ttlHours: 1.5 }))).toContain('"ttlHours"');
  });

  it('publish: the pack through parsePackJson, at least one group', () => {
    const r = ok(parsePublishPackRequest({ pack: rawPack(), groupIds: ['g-1'] }));
    expect(r.pack).toEqual(samplePack());
    expect(r.groupIds).toEqual(['g-1']);
    expect(err(parsePublishPackRequest({ pack: rawPack(), groupIds: [] }))).toContain('at least one group');
    const bad = { ...rawPack(), format: 'other' };
    const e = err(parsePublishPackRequest({ pack: bad, groupIds: ['g-1'] }));
    oneSentence(e);
    expect(e).toContain('"pack"');
    expect(e).toContain('not a VoiceDrill pack');
    expect(err(parsePublishPackRequest({ groupIds: ['g-1'] }))).toContain('"pack"');
  });

  it('push: takes as SyncTake, completions, limits, repeated ids', () => {
    const push = { takes: [syncTake('t-1'), syncTake('t-2', { packId: null, packVersion: null })], completions: [
      { packId: 'greetings', packVersion: 2, drillId: 'hello', completedAt: '2026-12-01T09:10:00.000Z' },
    ] };
    expect(ok(parsePushRequest(push))).toEqual(push);
    expect(err(parsePushRequest({ ...push, takes: [syncTake('t-1'), syncTake('t-1')] }))).toContain('repeats the take id "t-1"');
    expect(err(parsePushRequest({ ...push, takes: [syncTake('t-1', { packVersion: null })] }))).toContain('both a packId and a packVersion');
    expect(err(parsePushRequest({ ...push, takes: [syncTake('t-1', { lang: 'fr' as 'en' })] }))).toContain('"takes[0].lang"');
    expect(err(parsePushRequest({ ...push, takes: [{ ...syncTake('t-1'), extra: true }] }))).toContain('unknown field "takes[0].extra"');
    expect(err(parsePushRequest({ ...push, takes: Array.from({ length: 101 }, (_, i) => syncTake(`t-${i}`)) }))).toContain('at most 100 takes');
    expect(err(parsePushRequest({ takes: [] }))).toContain('"completions"');
    const twice = syncTake('t-1');
    twice.verdicts = [twice.verdicts[0], twice.verdicts[0]];
    expect(err(parsePushRequest({ takes: [twice], completions: [] }))).toContain('repeats the guideline "rate"');
  });
});

describe('responses', () => {
  it('small answers', () => {
    expect(ok(parseHealthBody({ status: 'ok' }))).toEqual({ status: 'ok' });
    expect(ok(parseReadyBody({ status: 'not-ready', reason: 'database down' })).status).toBe('not-ready');
    expect(err(parseReadyBody({ status: 'maybe' }))).toContain('"status"');
    expect(ok(parseErrorBody({ error: 'No.', code: 'forbidden' })).code).toBe('forbidden');
    expect(err(parseErrorBody({ error: 'No.' }))).toContain('"code"');
    expect(ok(parseGroupInfo({ id: 'g-1', name: 'A' }))).toEqual({ id: 'g-1', name: 'A' });
    expect(ok(parseGroupList([{ id: 'g-1', name: 'A' }]))).toHaveLength(1);
    expect(err(parseGroupList({}))).toBe('The list of groups must be a list.');
    expect(ok(parsePersonInfo(person))).toEqual(person);
    expect(ok(parsePersonList([person]))).toEqual([person]);
    expect(ok(parseDeviceInfo(device))).toEqual(device);
    expect(ok(parseDeviceList([{ ...device, revokedAt: '2026-12-03T09:00:00.000Z' }]))[0].revokedAt).toBe('2026-12-03T09:00:00.000Z');
    expect(err(parseDeviceInfo({ ...device, createdAt: 'yesterday' }))).toContain('"createdAt"');
    expect(ok(parseInviteResponse({ code: '7K3M-9QXD-2HVA', personId: 'p-1', expiresAt: '2026-12-06T08:00:00.000Z' })).code).toBe('7K3M-9QXD-2HVA');
    expect(err(parseInviteResponse({ code: '7k3m9qxd2hva', personId: 'p-1', expiresAt: '2026-12-06T08:00:00.000Z' }))).toContain('"code"');
    expect(ok(parsePublishPackResponse({ packId: 'greetings', version: 2, groupIds: ['g-1'] })).version).toBe(2);
    expect(ok(parsePushResponse({ accepted: ['t-1'], duplicates: [], completionsAccepted: 1 })).accepted).toEqual(['t-1']);
    expect(err(parsePushResponse({ accepted: ['t-1'], duplicates: [], completionsAccepted: -1 }))).toContain('"completionsAccepted"');
  });

  it('join and me', () => {
    const join = { token, device, person, org: { id: 'org-1', name: 'Riverside' } };
    expect(ok(parseJoinResponse(join))).toEqual(join);
    expect(err(parseJoinResponse({ ...join, token: 'vdt.org-1.d-1.short' }))).toContain('"token"');
    expect(err(parseJoinResponse({ ...join, org: { id: 'org-2', name: 'Other' } }))).toContain('does not name its organisation');
    const me = { person, org: join.org, groups: [{ id: 'g-1', name: 'A' }], device };
    expect(ok(parseMeResponse(me))).toEqual(me);
    expect(err(parseMeResponse({ ...me, person: { ...person, role: 'root' } }))).toContain('"person.role"');
  });

  it('assignments: each pack through parsePackJson', () => {
    const a = ok(parseAssignmentsResponse({ packs: [{ pack: rawPack(), groupIds: ['g-1'], publishedAt: '2026-12-03T08:00:00.000Z' }] }));
    expect(a.packs[0].pack).toEqual(samplePack());
    const e = err(parseAssignmentsResponse({ packs: [{ pack: { ...rawPack(), drills: [] }, groupIds: ['g-1'], publishedAt: '2026-12-03T08:00:00.000Z' }] }));
    oneSentence(e);
    expect(e).toContain('packs[0].pack');
    const twice = { pack: rawPack(), groupIds: ['g-1'], publishedAt: '2026-12-03T08:00:00.000Z' };
    expect(err(parseAssignmentsResponse({ packs: [twice, twice] }))).toContain('repeats the pack "riverside-onboarding"');
  });

  it('roster: entries exactly as RosterInput, each checked', () => {
    const results = validResults();
    const entry = { agentId: 'p-1', agentName: 'Li Na', pack: results.pack, takes: [syncTake('t-1')] };
    expect(ok(parseRosterResponse({ entries: [entry] }))).toEqual({ entries: [entry] });
    expect(err(parseRosterResponse({ entries: [{ ...entry, pack: { ...results.pack, drills: [{ id: 'x' }] } }] }))).toContain('entries[0].pack.drills[0]');
    const hostile = JSON.parse(JSON.stringify({ entries: [entry] }).replace('"agentId"', '"__proto__":1,"agentId"')) as unknown;
    expect(err(parseRosterResponse(hostile))).toContain('"__proto__"');
    // A big roster (more nodes than one tree walk allows) still reads: its entries are walked one by one.
    const big = { entries: Array.from({ length: 300 }, (_, i) => ({ ...entry, agentId: `p-${i}`, takes: Array.from({ length: 20 }, (_, k) => syncTake(`t-${k}`)) })) };
    expect(ok(parseRosterResponse(big)).entries).toHaveLength(300);
  });
});
