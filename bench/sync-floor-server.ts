/**
 * The HTTP floor for bench:sync: a Fastify server (the same framework and body limit as the sync server) whose
 * POST /v1/takes parses the JSON body and acknowledges every take, with no auth, no validation and no database.
 * What the real server's pushes cost above this is the server's own work. Run as a child: `--port N`.
 */
import Fastify from 'fastify';
import { SYNC_LIMITS, SYNC_PATHS, type PushRequest, type PushResponse } from '../src/sync/protocol.ts';

const at = process.argv.indexOf('--port');
const port = at >= 0 ? Number(process.argv[at + 1]) : 0;
const app = Fastify({ logger: false, bodyLimit: SYNC_LIMITS.jsonBodyBytes });
app.get(SYNC_PATHS.ready, async () => ({ status: 'ready' }));
app.post(SYNC_PATHS.takes, async (request): Promise<PushResponse> => {
  const body = request.body as PushRequest;
  return { accepted: body.takes.map((t) => t.takeId), duplicates: [], completionsAccepted: body.completions.length };
});
await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
