/**
 * Team administration from the app (issue 13): groups, people and their roles, invite codes, devices and revoking
 * them. Each call is one authenticated request through the team client (`request`: protocol header, bearer token,
 * timeout), its answer checked with the protocol's parser; every failure is a TeamError (`forbidden` for a role the
 * server refuses, `revoked` when this device itself was revoked, `bad-response` for an answer of the wrong shape).
 *
 * `createTeamAdmin` takes the transport (tests give a fake fetch); `teamAdmin()` is the page's, over its fetch and the
 * joined server's configuration.
 */
import type { ReadResult } from '../packs/types.ts';
import type {
  CreatePersonRequest, DeviceInfo, GroupInfo, InviteResponse, MeResponse, PersonInfo, UpdatePersonRequest,
} from '../sync/protocol.ts';
import { SYNC_PATHS } from '../sync/protocol.ts';
import {
  parseDeviceInfo, parseDeviceList, parseGroupInfo, parseGroupList, parseInviteResponse, parseMeResponse, parsePersonInfo, parsePersonList,
} from '../sync/protocol-schema.ts';
import { request, sentenceOf, type Endpoint, type FetchLike, type RequestOptions } from './client.ts';
import { TeamError } from './errors.ts';
import { getSyncConfig } from './index.ts';

/** What the administration calls need: a fetch, and where and as whom (rejects with TeamError 'not-joined'). */
export interface TeamAdminTransport {
  fetch: FetchLike;
  endpoint: () => Promise<Endpoint>;
  timeoutMs?: number;
}

/** The administration calls; each resolves with what the server confirmed. */
export interface TeamAdmin {
  /** GET /v1/me: this device's person (its current role and groups), organisation and groups. */
  me(): Promise<MeResponse>;
  /** GET /v1/groups (admin: all; others: their own). */
  listGroups(): Promise<GroupInfo[]>;
  /** POST /v1/groups (admin). */
  createGroup(name: string): Promise<GroupInfo>;
  /** GET /v1/people (admin: all; trainer: the people of their groups). */
  listPeople(): Promise<PersonInfo[]>;
  /** POST /v1/people (admin). */
  createPerson(person: CreatePersonRequest): Promise<PersonInfo>;
  /** PATCH /v1/people/:id (admin): a role, groups or both. */
  updatePerson(personId: string, change: UpdatePersonRequest): Promise<PersonInfo>;
  /** POST /v1/invites: a single-use code for a person (admin: anyone; trainer: an agent of their groups). */
  createInvite(personId: string, ttlHours?: number): Promise<InviteResponse>;
  /** GET /v1/devices (admin: all; others: their own). */
  listDevices(): Promise<DeviceInfo[]>;
  /** POST /v1/devices/:id/revoke (admin, or the device's own person). */
  revokeDevice(deviceId: string): Promise<DeviceInfo>;
}

const ok = <T>(parse: (x: unknown) => ReadResult<T>) => (x: unknown): T | null => {
  const r = parse(x);
  return r.ok ? r.value : null;
};

/** A check beyond the shape: the answer is about what was asked (else the server answered something else). */
function about<T>(value: T, matches: (v: T) => boolean): T {
  if (!matches(value)) throw new TeamError('bad-response', sentenceOf('bad-response'));
  return value;
}

/** The administration calls over a transport. */
export function createTeamAdmin(transport: TeamAdminTransport): TeamAdmin {
  const send = async <T>(options: RequestOptions<T>): Promise<T> => request(transport.fetch, await transport.endpoint(), options, transport.timeoutMs);
  const id = (value: string): string => encodeURIComponent(value);
  return {
    me: () => send({ method: 'GET', path: SYNC_PATHS.me, parse: ok(parseMeResponse) }),
    listGroups: () => send({ method: 'GET', path: SYNC_PATHS.groups, parse: ok(parseGroupList) }),
    createGroup: (name) => send({ method: 'POST', path: SYNC_PATHS.groups, json: { name }, parse: ok(parseGroupInfo) }),
    listPeople: () => send({ method: 'GET', path: SYNC_PATHS.people, parse: ok(parsePersonList) }),
    createPerson: async (person) => about(
      await send({ method: 'POST', path: SYNC_PATHS.people, json: { name: person.name, role: person.role, groupIds: person.groupIds }, parse: ok(parsePersonInfo) }),
      (p) => p.role === person.role),
    updatePerson: async (personId, change) => about(
      await send({ method: 'PATCH', path: `${SYNC_PATHS.people}/${id(personId)}`, json: change, parse: ok(parsePersonInfo) }),
      (p) => p.id === personId && (change.role === undefined || p.role === change.role)),
    createInvite: async (personId, ttlHours) => about(
      await send({ method: 'POST', path: SYNC_PATHS.invites, json: ttlHours === undefined ? { personId } : { personId, ttlHours }, parse: ok(parseInviteResponse) }),
      (i) => i.personId === personId),
    listDevices: () => send({ method: 'GET', path: SYNC_PATHS.devices, parse: ok(parseDeviceList) }),
    revokeDevice: async (deviceId) => about(
      await send({ method: 'POST', path: `${SYNC_PATHS.devices}/${id(deviceId)}/revoke`, parse: ok(parseDeviceInfo) }),
      (d) => d.id === deviceId && d.revokedAt !== null),
  };
}

let pageAdmin: TeamAdmin | null = null;

/** The page's administration calls: the page's fetch, the joined server's origin and this device's token. */
export function teamAdmin(): TeamAdmin {
  pageAdmin ??= createTeamAdmin({
    fetch: (input, init) => (globalThis as unknown as { fetch: FetchLike }).fetch(input, init),
    endpoint: async () => {
      const config = await getSyncConfig();
      if (!config?.token) throw new TeamError('not-joined', sentenceOf('not-joined'));
      return { origin: config.origin, token: config.token };
    },
  });
  return pageAdmin;
}
