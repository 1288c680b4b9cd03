/**
 * PLACEHOLDER (wt-server-infra): the /v1 API routes are written on the wt-server-api branch, which owns and replaces
 * this file; at merge, theirs wins. The shell (server/http.ts) calls registerApi after its own hooks and routes.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/sql.ts';

/** Registers the /v1 routes on app (none yet in this placeholder). */
export async function registerApi(_app: FastifyInstance, _deps: { db: Db }): Promise<void> {
  // Intentionally empty: see the comment above.
}
