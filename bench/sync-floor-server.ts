/**
 * The HTTP floor for bench:sync: the sync server's own shell (server/http.ts: Fastify, its hooks, JSON errors, body
 * limits, pino JSON logs at info as `npm run server` writes them) with one API route, POST /v1/takes, that parses the
 * JSON body and acknowledges every take — no auth, no validation, no database. What the real server's pushes cost
 * above this is the server's own work. Run as a child: `--port N`; ready when GET /healthz answers.
 */
import type { Db } from '../server/db/sql.ts';
import { buildServer } from '../server/http.ts';
import { SYNC_PATHS, type PushRequest, type PushResponse } from '../src/sync/protocol.ts';

const at = process.argv.indexOf('--port');
const port = at >= 0 ? Number(process.argv[at + 1]) : 0;
const noDatabase = async (): Promise<never> => {
  throw new Error('the HTTP floor has no database');
};
const db: Db = { kind: 'postgres', query: noDatabase, transaction: noDatabase, ping: async () => false, close: async () => undefined };
const app = await buildServer({
  db,
  logger: { level: process.env.LOG_LEVEL || 'info' },
  registerApi: async (api) => {
    api.post(SYNC_PATHS.takes, async (request): Promise<PushResponse> => {
      const body = request.body as PushRequest;
      return { accepted: body.takes.map((t) => t.takeId), duplicates: [], completionsAccepted: body.completions.length };
    });
  },
});
await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
