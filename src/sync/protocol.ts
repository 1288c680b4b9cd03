/**
 * Team sync (issue 13): the HTTP protocol between the app and the optional on-premises server (`server/`).
 * Pure shapes and limits, shared by the server (which validates every request against them) and the app's
 * sync client (which validates every response). Everything here crosses a network: no HTML, no audio in JSON.
 *
 * Auth: every /v1 request except POST /v1/join carries `Authorization: Bearer <device token>`. A token is
 * `vdt.<orgId>.<deviceId>.<secret>` (secret: 32 random bytes, base64url); the server keeps only SHA-256(secret)
 * and looks the device up by its primary key (orgId, deviceId). A revoked device's token gets 401.
 *
 * Errors: every 4xx/5xx body is an ErrorBody: one sentence in English (the app shows its own translated
 * sentence per status and `code`, and the server's sentence for details).
 *
 * Idempotence: a take is keyed by its take id (the app's UUID) within the agent; pushing it again is a no-op
 * that reports it under `duplicates`. A completion is keyed by (agent, pack, drill). Audio by take id.
 */
import type { PackJson, ResultPackDrill, ResultTake } from '../packs/types.ts';

/** Bumped when a request or response shape changes incompatibly; the server answers 426 to an older app. */
export const SYNC_PROTOCOL_VERSION = 1;
/** Header the app sends on every request with SYNC_PROTOCOL_VERSION. */
export const PROTOCOL_HEADER = 'x-voicedrill-protocol';

export const SYNC_LIMITS = {
  /** Any JSON request body (bytes). Larger → 413. */
  jsonBodyBytes: 1024 * 1024,
  /** Takes in one push. More → 400. */
  takesPerPush: 100,
  /** Completions in one push. */
  completionsPerPush: 200,
  /** One take's WAV (PUT …/audio, Content-Type audio/wav). Larger → 413. */
  takeAudioBytes: 20 * 1024 * 1024,
  /** Characters of a name (organisation, group, person, device). */
  nameChars: 120,
  /** Groups one person may belong to. */
  groupsPerPerson: 50,
  /** An invite code is valid this long by default (hours); at most maxInviteHours. */
  inviteHours: 72,
  maxInviteHours: 24 * 30,
} as const;

/** Server-made ids (organisation, group, person, device): 1–40 of [a-z0-9-]. Take ids are the app's UUIDs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export type Role = 'agent' | 'trainer' | 'admin';
export const ROLES: readonly Role[] = ['agent', 'trainer', 'admin'];

export interface ErrorBody {
  /** One sentence. */
  error: string;
  /** Machine-readable: 'bad-request', 'too-large', 'unauthorised', 'forbidden', 'not-found', 'conflict', 'invite-used', 'invite-expired', 'device-revoked', 'upgrade-required', 'not-ready', 'internal'. */
  code: string;
}

export interface OrgInfo { id: string; name: string }
export interface GroupInfo { id: string; name: string }
export interface PersonInfo { id: string; name: string; role: Role; groupIds: string[] }
export interface DeviceInfo { id: string; personId: string; name: string; createdAt: string; lastSeenAt: string | null; revokedAt: string | null }

// ---- Health (no auth) ----
/** GET /healthz → 200 always while the process runs. */
export interface HealthBody { status: 'ok' }
/** GET /readyz → 200 { status: 'ready' } when the database answers and migrations are applied; 503 { status: 'not-ready', reason } otherwise. */
export interface ReadyBody { status: 'ready' | 'not-ready'; reason?: string }

// ---- Joining a device (no auth) ----
/** POST /v1/join */
export interface JoinRequest { inviteCode: string; deviceName: string }
/** 201. The invite is used up (single use); 400 bad code format, 404 unknown code, 410 used or expired. */
export interface JoinResponse { token: string; device: DeviceInfo; person: PersonInfo; org: OrgInfo }

// ---- Who am I ----
/** GET /v1/me */
export interface MeResponse { person: PersonInfo; org: OrgInfo; groups: GroupInfo[]; device: DeviceInfo }

// ---- Administration ----
/** POST /v1/groups (admin) → 201 GroupInfo. GET /v1/groups → GroupInfo[] (admin: all; trainer and agent: their own). */
export interface CreateGroupRequest { name: string }
/** POST /v1/people (admin) → 201 PersonInfo. GET /v1/people → PersonInfo[] (admin: all; trainer: people in their groups; agent: 403). */
export interface CreatePersonRequest { name: string; role: Role; groupIds: string[] }
/** PATCH /v1/people/:personId (admin) → PersonInfo: change groups or role (the organisation's last admin keeps the role: 409). */
export interface UpdatePersonRequest { role?: Role; groupIds?: string[] }
/**
 * POST /v1/invites → 201 InviteResponse. Admin: for anyone in the organisation; trainer: for an agent in one of their
 * groups; agent: 403. The code is shown once (the server keeps its SHA-256): 12 characters of Crockford base32 grouped
 * `XXXX-XXXX-XXXX` (60 bits), single use, expires.
 */
export interface CreateInviteRequest { personId: string; ttlHours?: number }
export interface InviteResponse { code: string; personId: string; expiresAt: string }
/** GET /v1/devices (admin: all; others: their own) → DeviceInfo[]. POST /v1/devices/:deviceId/revoke (admin, or the device's own person) → DeviceInfo. */

// ---- Packs (trainer → agents) ----
/**
 * PUT /v1/packs/:packId (trainer or admin) → 200 PublishPackResponse. The body's pack must pass the same validation as a
 * pack file's pack.json (`parsePackJson`), its id must equal :packId, and each group must be one the trainer has
 * (admin: any). A newer version replaces the older one for its groups; the same version again changes nothing
 * (idempotent); an older version → 409.
 */
export interface PublishPackRequest { pack: PackJson; groupIds: string[] }
export interface PublishPackResponse { packId: string; version: number; groupIds: string[] }

/** GET /v1/assignments (any role: the packs assigned to the caller's groups, newest version each). */
export interface AssignmentsResponse { packs: Array<{ pack: PackJson; groupIds: string[]; publishedAt: string }> }

// ---- Takes (agent → server) ----
/** One take summary as pushed: the results file's ResultTake, plus which pack it belongs to (null: free practice). */
export interface SyncTake extends ResultTake {
  packId: string | null;
  packVersion: number | null;
  /** hasAudio here means: the agent opted in and the audio will follow with PUT /v1/takes/:takeId/audio. */
}

/** The agent's drill complete (attempts ≥ required) as the app saw it. */
export interface SyncCompletion { packId: string; packVersion: number; drillId: string; completedAt: string }

/**
 * POST /v1/takes (agent, or any role for their own takes) → 200 PushResponse. All or nothing per request (one
 * transaction). A take id already stored for this person is reported under duplicates and not changed.
 */
export interface PushRequest { takes: SyncTake[]; completions: SyncCompletion[] }
export interface PushResponse { accepted: string[]; duplicates: string[]; completionsAccepted: number }

/**
 * PUT /v1/takes/:takeId/audio (the take's own person; body audio/wav ≤ takeAudioBytes, starting RIFF/WAVE, else 400; the
 * take must be pushed first, else 404) → 204; again → 204, unchanged. GET the same path (its person, their group's
 * trainers, admin) → the WAV; optional `?personId=<agentId>` (the roster's agentId) names the take's person.
 */

// ---- Roster (trainer) ----
/**
 * GET /v1/roster?groupId=<id> (trainer of that group, or admin; without groupId: all the caller's groups) → RosterResponse.
 * One entry per agent × pack with that agent's takes on it: exactly `RosterInput` of src/packs/roster.ts, so the app's
 * roster screen builds the same cells from the server as from results files.
 */
export interface RosterResponse {
  entries: Array<{
    agentId: string;
    agentName: string;
    pack: { id: string; version: number; title: string; author: string; drills: ResultPackDrill[] };
    takes: SyncTake[];
  }>;
}

/** Paths, so the app and the server cannot disagree. */
export const SYNC_PATHS = {
  health: '/healthz',
  ready: '/readyz',
  join: '/v1/join',
  me: '/v1/me',
  groups: '/v1/groups',
  people: '/v1/people',
  invites: '/v1/invites',
  devices: '/v1/devices',
  packs: '/v1/packs',
  assignments: '/v1/assignments',
  takes: '/v1/takes',
  roster: '/v1/roster',
} as const;
