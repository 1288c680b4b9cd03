/**
 * Parsers for every request body and response of the sync protocol (protocol.ts), with valibot strict objects. The
 * server reads every request with them, the app's sync client every response. Before a schema reads a value, the
 * whole tree is walked once (treeProblem: no `__proto__`/`constructor`/`prototype` keys, plain text, bounded depth).
 * Packs go through parsePackJson and takes through the results file's take schema, so a pack or a take is the same
 * whether it came as a file or over the network. Every refusal is one English sentence naming the field.
 */
import * as v from 'valibot';
import { MAX_VERSION, PACK_ID_PATTERN, parsePackJson } from '../packs/pack-schema.ts';
import { drillSchema, isIsoTime, takeSchema } from '../packs/results-schema.ts';
import type { PackJson, ReadResult } from '../packs/types.ts';
import { pathText, treeProblem } from '../packs/untrusted.ts';
import { INVITE_CODE_PATTERN, normaliseInviteCode } from './invite-code.ts';
import {
  ID_PATTERN, ROLES, SYNC_LIMITS,
  type AssignmentsResponse, type CreateGroupRequest, type CreateInviteRequest, type CreatePersonRequest, type DeviceInfo,
  type ErrorBody, type GroupInfo, type HealthBody, type InviteResponse, type JoinRequest, type JoinResponse, type MeResponse,
  type OrgInfo, type PersonInfo, type PublishPackRequest, type PublishPackResponse, type PushRequest, type PushResponse,
  type ReadyBody, type RosterResponse, type SyncTake, type UpdatePersonRequest,
} from './protocol.ts';

/** A device token: `vdt.<orgId>.<deviceId>.<secret>` (32 bytes base64url = 43 characters). */
export const DEVICE_TOKEN_PATTERN = /^vdt\.([a-z0-9][a-z0-9-]{0,39})\.([a-z0-9][a-z0-9-]{0,39})\.([A-Za-z0-9_-]{43})$/;

type Path = Array<string | number>;

// ---- field schemas ----
const name = v.pipe(
  v.string('must be text'),
  v.maxLength(SYNC_LIMITS.nameChars, `must be at most ${SYNC_LIMITS.nameChars} characters`),
  v.check((s) => s.trim() !== '', 'must not be empty'),
);
const serverId = v.pipe(v.string('must be text'), v.regex(ID_PATTERN, 'must be an id of 1–40 lower-case letters, digits and hyphens'));
const packId = v.pipe(v.string('must be text'), v.regex(PACK_ID_PATTERN, 'must be an id of 1–64 lower-case letters, digits and hyphens'));
const version = v.pipe(v.number(`must be a whole number from 1 to ${MAX_VERSION}`), v.integer(`must be a whole number from 1 to ${MAX_VERSION}`),
  v.minValue(1, `must be a whole number from 1 to ${MAX_VERSION}`), v.maxValue(MAX_VERSION, `must be a whole number from 1 to ${MAX_VERSION}`));
const count = v.pipe(v.number('must be a whole number of 0 or more'), v.integer('must be a whole number of 0 or more'), v.minValue(0, 'must be a whole number of 0 or more'));
const isoTime = v.pipe(v.string('must be an ISO 8601 date and time'), v.check(isIsoTime, 'must be a real ISO 8601 date and time with a time zone'));
const role = v.picklist(ROLES, 'must be "agent", "trainer" or "admin"');
const groupIds = v.pipe(v.array(serverId, 'must be a list'), v.maxLength(SYNC_LIMITS.groupsPerPerson, `must hold at most ${SYNC_LIMITS.groupsPerPerson} groups`),
  v.check((ids) => new Set(ids).size === ids.length, 'must not name a group twice'));
const takeIds = v.array(v.pipe(v.string('must be text'), v.maxLength(100, 'must be at most 100 characters')), 'must be a list');

const orgSchema = v.strictObject({ id: serverId, name }, 'must be an object');
const groupSchema = v.strictObject({ id: serverId, name }, 'must be an object');
const personSchema = v.strictObject({ id: serverId, name, role, groupIds }, 'must be an object');
const deviceSchema = v.strictObject({
  id: serverId, personId: serverId, name, createdAt: isoTime, lastSeenAt: v.nullable(isoTime), revokedAt: v.nullable(isoTime),
}, 'must be an object');

/** SyncTake: the results file's take plus the pack it belongs to (both null for free practice). */
const syncTakeSchema = v.strictObject({ ...takeSchema.entries, packId: v.nullable(packId), packVersion: v.nullable(version) }, 'must be an object');
const completionSchema = v.strictObject({ packId, packVersion: version, drillId: packId, completedAt: isoTime }, 'must be an object');

// ---- the reader ----
function issueSentence(issue: v.BaseIssue<unknown>, what: string): string {
  const path: Path = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
  if (path.length === 0) return `${what} ${issue.message}.`;
  if (issue.expected === 'never') return `${what} has the unknown field "${pathText(path)}".`;
  if (issue.received === 'undefined' && issue.type === 'strict_object') return `${what} lacks the field "${pathText(path)}".`;
  return `${what}: "${pathText(path)}" ${issue.message}.`;
}

/**
 * Tree check, then the schema, then what one field cannot say alone. `listKey` names a top-level list whose items are
 * tree-checked one by one (a roster's entries may together exceed the tree walk's node limit; each one does not).
 */
function read<T>(
  schema: v.GenericSchema<unknown, unknown>, input: unknown, what: string,
  cross?: (value: T) => string | null, listKey?: string,
): ReadResult<T> {
  const list = listKey !== undefined && typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)[listKey] : undefined;
  if (Array.isArray(list)) {
    const top = treeProblem({ ...(input as Record<string, unknown>), [listKey!]: [] }, what);
    if (top !== null) return { ok: false, error: top };
    for (const [i, item] of list.entries()) {
      const problem = treeProblem(item, `${what}'s ${listKey}[${i}]`);
      if (problem !== null) return { ok: false, error: problem };
    }
  } else {
    const tree = treeProblem(input, what);
    if (tree !== null) return { ok: false, error: tree };
  }
  const parsed = v.safeParse(schema, input, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: issueSentence(parsed.issues[0], what) };
  const value = parsed.output as T;
  const problem = cross?.(value) ?? null;
  return problem === null ? { ok: true, value } : { ok: false, error: problem };
}

const mustBeObject = (what: string, input: unknown): ReadResult<never> | null =>
  typeof input === 'object' && input !== null && !Array.isArray(input) ? null : { ok: false, error: `${what} must be a JSON object.` };

// A take's own rule beyond its fields: each guideline at most once; a pack and its version come together.
function takeProblem(take: SyncTake, at: string, what: string): string | null {
  const seen = new Set<string>();
  for (const [j, verdict] of take.verdicts.entries()) {
    if (seen.has(verdict.guideline)) return `${what}: "${at}.verdicts[${j}].guideline" repeats the guideline "${verdict.guideline}".`;
    seen.add(verdict.guideline);
  }
  if ((take.packId === null) !== (take.packVersion === null)) return `${what}: "${at}" must have both a packId and a packVersion, or neither.`;
  return null;
}

function takesProblem(takes: readonly SyncTake[], at: string, what: string): string | null {
  const ids = new Set<string>();
  for (const [i, take] of takes.entries()) {
    if (ids.has(take.takeId)) return `${what}: "${at}[${i}].takeId" repeats the take id "${take.takeId}".`;
    ids.add(take.takeId);
    const problem = takeProblem(take, `${at}[${i}]`, what);
    if (problem !== null) return problem;
  }
  return null;
}

function packIn(input: unknown, at: string, what: string): ReadResult<PackJson> {
  const pack = parsePackJson(input);
  return pack.ok ? pack : { ok: false, error: `${what}: in "${at}", ${pack.error.charAt(0).toLowerCase()}${pack.error.slice(1)}` };
}

// ---- requests ----
/** POST /v1/join body; the code must read as 12 Crockford characters (normaliseInviteCode). */
export function parseJoinRequest(input: unknown): ReadResult<JoinRequest> {
  return read(v.strictObject({
    inviteCode: v.pipe(v.string('must be text'), v.check((c) => normaliseInviteCode(c) !== null, 'must be an invite code of 12 letters and digits, such as 7K3M-9QXD-2HVA')),
    deviceName: name,
  }, 'must be a JSON object'), input, 'The join request');
}

/** POST /v1/groups body. */
export function parseCreateGroupRequest(input: unknown): ReadResult<CreateGroupRequest> {
  return read(v.strictObject({ name }, 'must be a JSON object'), input, 'The new group');
}

/** POST /v1/people body. */
export function parseCreatePersonRequest(input: unknown): ReadResult<CreatePersonRequest> {
  return read(v.strictObject({ name, role, groupIds }, 'must be a JSON object'), input, 'The new person');
}

/** PATCH /v1/people/:personId body: a role, groups, or both. */
export function parseUpdatePersonRequest(input: unknown): ReadResult<UpdatePersonRequest> {
  return read<UpdatePersonRequest>(v.strictObject({ role: v.optional(role), groupIds: v.optional(groupIds) }, 'must be a JSON object'), input, 'The change of person',
    (u) => (u.role === undefined && u.groupIds === undefined ? 'The change of person must give a role, groupIds or both.' : null));
}

/** POST /v1/invites body. */
export function parseCreateInviteRequest(input: unknown): ReadResult<CreateInviteRequest> {
  const hours = `must be a whole number of hours from 1 to ${SYNC_LIMITS.maxInviteHours}`;
  return read(v.strictObject({
    personId: serverId,
    ttlHours: v.optional(v.pipe(v.number(hours), v.integer(hours), v.minValue(1, hours), v.maxValue(SYNC_LIMITS.maxInviteHours, hours))),
  }, 'must be a JSON object'), input, 'The invite request');
}

/** PUT /v1/packs/:packId body: the pack as a pack file's pack.json, and at least one group. */
export function parsePublishPackRequest(input: unknown): ReadResult<PublishPackRequest> {
  const what = 'The published pack';
  const notObject = mustBeObject(what, input);
  if (notObject !== null) return notObject;
  const outer = read<{ pack: unknown; groupIds: string[] }>(v.strictObject({
    pack: v.unknown(),
    groupIds: v.pipe(groupIds, v.minLength(1, 'must name at least one group')),
  }, 'must be a JSON object'), input, what);
  if (!outer.ok) return outer;
  if (!('pack' in (input as object))) return { ok: false, error: `${what} lacks the field "pack".` };
  const pack = packIn(outer.value.pack, 'pack', what);
  return pack.ok ? { ok: true, value: { pack: pack.value, groupIds: outer.value.groupIds } } : pack;
}

/** POST /v1/takes body: at most SYNC_LIMITS.takesPerPush takes (each take id once) and completionsPerPush completions. */
export function parsePushRequest(input: unknown): ReadResult<PushRequest> {
  const what = 'The push';
  return read<PushRequest>(v.strictObject({
    takes: v.pipe(v.array(syncTakeSchema, 'must be a list'), v.maxLength(SYNC_LIMITS.takesPerPush, `must hold at most ${SYNC_LIMITS.takesPerPush} takes`)),
    completions: v.pipe(v.array(completionSchema, 'must be a list'),
      v.maxLength(SYNC_LIMITS.completionsPerPush, `must hold at most ${SYNC_LIMITS.completionsPerPush} completions`)),
  }, 'must be a JSON object'), input, what, (push) => takesProblem(push.takes, 'takes', what));
}

// ---- responses ----
/** GET /healthz. */
export function parseHealthBody(input: unknown): ReadResult<HealthBody> {
  return read(v.strictObject({ status: v.literal('ok', 'must be "ok"') }, 'must be a JSON object'), input, 'The health answer');
}

/** GET /readyz (200 or 503). */
export function parseReadyBody(input: unknown): ReadResult<ReadyBody> {
  return read(v.strictObject({
    status: v.picklist(['ready', 'not-ready'], 'must be "ready" or "not-ready"'),
    reason: v.optional(v.pipe(v.string('must be text'), v.maxLength(500, 'must be at most 500 characters'))),
  }, 'must be a JSON object'), input, 'The readiness answer');
}

/** Any 4xx/5xx body. */
export function parseErrorBody(input: unknown): ReadResult<ErrorBody> {
  return read(v.strictObject({
    error: v.pipe(v.string('must be text'), v.maxLength(1000, 'must be at most 1000 characters')),
    code: v.pipe(v.string('must be text'), v.regex(/^[a-z][a-z-]{0,39}$/, 'must be a code such as "not-found"')),
  }, 'must be a JSON object'), input, 'The error answer');
}

/** POST /v1/join → 201. */
export function parseJoinResponse(input: unknown): ReadResult<JoinResponse> {
  return read<JoinResponse>(v.strictObject({
    token: v.pipe(v.string('must be text'), v.regex(DEVICE_TOKEN_PATTERN, 'must be a device token vdt.<org>.<device>.<secret>')),
    device: deviceSchema, person: personSchema, org: orgSchema,
  }, 'must be a JSON object'), input, 'The join answer', (j) => {
    const m = DEVICE_TOKEN_PATTERN.exec(j.token)!;
    if (m[1] !== j.org.id || m[2] !== j.device.id) return 'The join answer\'s token does not name its organisation and device.';
    return j.device.personId === j.person.id ? null : 'The join answer\'s device belongs to another person.';
  });
}

/** GET /v1/me. */
export function parseMeResponse(input: unknown): ReadResult<MeResponse> {
  return read(v.strictObject({ person: personSchema, org: orgSchema, groups: v.array(groupSchema, 'must be a list'), device: deviceSchema }, 'must be a JSON object'),
    input, 'The account answer');
}

/** POST /v1/groups → 201. */
export function parseGroupInfo(input: unknown): ReadResult<GroupInfo> {
  return read(groupSchema, input, 'The group');
}

/** GET /v1/groups. */
export function parseGroupList(input: unknown): ReadResult<GroupInfo[]> {
  return read(v.array(groupSchema, 'must be a list'), input, 'The list of groups');
}

/** POST /v1/people → 201, PATCH /v1/people/:id. */
export function parsePersonInfo(input: unknown): ReadResult<PersonInfo> {
  return read(personSchema, input, 'The person');
}

/** GET /v1/people. */
export function parsePersonList(input: unknown): ReadResult<PersonInfo[]> {
  return read(v.array(personSchema, 'must be a list'), input, 'The list of people');
}

/** OrgInfo alone. */
export function parseOrgInfo(input: unknown): ReadResult<OrgInfo> {
  return read(orgSchema, input, 'The organisation');
}

/** POST /v1/invites → 201. */
export function parseInviteResponse(input: unknown): ReadResult<InviteResponse> {
  return read(v.strictObject({
    code: v.pipe(v.string('must be text'), v.regex(INVITE_CODE_PATTERN, 'must be an invite code XXXX-XXXX-XXXX')),
    personId: serverId, expiresAt: isoTime,
  }, 'must be a JSON object'), input, 'The invite');
}

/** POST /v1/devices/:id/revoke. */
export function parseDeviceInfo(input: unknown): ReadResult<DeviceInfo> {
  return read(deviceSchema, input, 'The device');
}

/** GET /v1/devices. */
export function parseDeviceList(input: unknown): ReadResult<DeviceInfo[]> {
  return read(v.array(deviceSchema, 'must be a list'), input, 'The list of devices');
}

/** PUT /v1/packs/:packId → 200. */
export function parsePublishPackResponse(input: unknown): ReadResult<PublishPackResponse> {
  return read(v.strictObject({ packId, version, groupIds }, 'must be a JSON object'), input, 'The publish answer');
}

/** GET /v1/assignments: each pack through parsePackJson, each pack id once. */
export function parseAssignmentsResponse(input: unknown): ReadResult<AssignmentsResponse> {
  const what = 'The assignments';
  const outer = read<{ packs: Array<{ pack: unknown; groupIds: string[]; publishedAt: string }> }>(v.strictObject({
    packs: v.array(v.strictObject({ pack: v.unknown(), groupIds, publishedAt: isoTime }, 'must be an object'), 'must be a list'),
  }, 'must be a JSON object'), input, what, undefined, 'packs');
  if (!outer.ok) return outer;
  const packs: AssignmentsResponse['packs'] = [];
  const seen = new Set<string>();
  for (const [i, item] of outer.value.packs.entries()) {
    const pack = packIn(item.pack, `packs[${i}].pack`, what);
    if (!pack.ok) return pack;
    if (seen.has(pack.value.id)) return { ok: false, error: `${what}: "packs[${i}]" repeats the pack "${pack.value.id}".` };
    seen.add(pack.value.id);
    packs.push({ pack: pack.value, groupIds: item.groupIds, publishedAt: item.publishedAt });
  }
  return { ok: true, value: { packs } };
}

/** POST /v1/takes → 200. */
export function parsePushResponse(input: unknown): ReadResult<PushResponse> {
  return read(v.strictObject({ accepted: takeIds, duplicates: takeIds, completionsAccepted: count }, 'must be a JSON object'), input, 'The push answer');
}

/** GET /v1/roster: entries exactly as RosterInput. */
export function parseRosterResponse(input: unknown): ReadResult<RosterResponse> {
  const what = 'The roster';
  return read<RosterResponse>(v.strictObject({
    entries: v.array(v.strictObject({
      agentId: serverId,
      agentName: name,
      pack: v.strictObject({
        id: packId, version,
        title: v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters')),
        author: v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters')),
        drills: v.array(drillSchema, 'must be a list'),
      }, 'must be an object'),
      takes: v.array(syncTakeSchema, 'must be a list'),
    }, 'must be an object'), 'must be a list'),
  }, 'must be a JSON object'), input, what, (roster) => {
    for (const [i, entry] of roster.entries.entries()) {
      const problem = takesProblem(entry.takes, `entries[${i}].takes`, what);
      if (problem !== null) return problem;
    }
    return null;
  }, 'entries');
}
