/**
 * The `authenticate` preHandler: `Authorization: Bearer vdt.<org>.<device>.<secret>` → the caller (organisation,
 * person, role, device). Unknown or malformed → 401 'unauthorised'; a revoked device → 401 'device-revoked' (only once
 * its secret matched, so a guess learns nothing). last_seen_at is written at most once a minute per device.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/sql.ts';
import type { Caller } from '../domain/access.ts';
import { deviceForToken, touchDevice } from '../domain/accounts.ts';
import { ApiError } from '../domain/errors.ts';
import { parseDeviceToken, secretMatches } from './tokens.ts';

const callers = new WeakMap<FastifyRequest, Caller>();
const TOUCH_EVERY_MS = 60_000;

const unauthorised = (): ApiError => new ApiError(401, 'unauthorised', 'This device is not signed in to the team server; join it with an invite code.');

/** A preHandler that authenticates the request or answers 401. */
export function authenticate(db: Db): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request) => {
    const header = request.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer ([^\s]+)$/.exec(header) : null;
    const parts = m === null ? null : parseDeviceToken(m[1]);
    if (parts === null) throw unauthorised();
    const device = await deviceForToken(db, parts.orgId, parts.deviceId);
    if (device === null || !secretMatches(parts.secret, device.tokenSha256)) throw unauthorised();
    if (device.revoked) throw new ApiError(401, 'device-revoked', 'This device was signed out of the team server by an administrator.');
    if (device.lastSeenAt === null || Date.now() - device.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchDevice(db, parts.orgId, parts.deviceId);
    callers.set(request, { orgId: parts.orgId, personId: device.personId, role: device.role, deviceId: parts.deviceId });
  };
}

/** The caller of an authenticated request. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw unauthorised();
  return caller;
}
