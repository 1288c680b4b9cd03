/**
 * The sync server's HTTP shell (issue 13), around the API routes: JSON errors (every 4xx/5xx body an ErrorBody), body
 * limits, the audio/wav body, CORS for the app's origin, the protocol version check, health and readiness.
 */
import { STATUS_CODES } from 'node:http';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROTOCOL_HEADER, SYNC_LIMITS, SYNC_PATHS, SYNC_PROTOCOL_VERSION } from '../src/sync/protocol.ts';
import type { ErrorBody, HealthBody, ReadyBody } from '../src/sync/protocol.ts';
import type { Db } from './db/sql.ts';
import { HttpError } from './http-error.ts';
import { pendingMigrations, readMigrations, type Migration } from './migrate.ts';
import { readAndDropTheRest } from './refused-body.ts';

/** Registers the /v1 routes (server/routes/index.ts). */
export type RegisterApi = (app: FastifyInstance, deps: { db: Db }) => Promise<void>;

export interface BuildServerOptions {
  db: Db;
  /** false (default): no logs. Otherwise pino's JSON lines, one object per line, to stream (default stdout). */
  logger?: false | { level?: string; stream?: { write(line: string): void } };
  registerApi: RegisterApi;
  /** Folder of the migrations readiness compares with (default: the shipped ones). */
  migrationsDir?: string;
}

/** The headers a browser may send cross-origin: the bearer token, JSON/WAV bodies and the protocol version. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', PROTOCOL_HEADER].join(', ');
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  426: 'upgrade-required',
  503: 'not-ready',
};

function body(error: string, code: string): ErrorBody {
  return { error, code };
}

/** The status and ErrorBody for an error thrown by a route, a hook or Fastify itself; 5xx never shows the cause. */
function errorReply(error: FastifyError | HttpError | Error, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) return { status: error.statusCode, body: body(error.message, error.code) };
  const fastifyError = error as FastifyError;
  // Another deliberate 4xx error shaped like HttpError (a status and an ErrorBody code such as 'invite-used'): as it says.
  const deliberate = fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500;
  if (deliberate && typeof fastifyError.code === 'string' && /^[a-z]+(-[a-z]+)*$/.test(fastifyError.code) && error.message) {
    return { status: fastifyError.statusCode ?? 400, body: body(error.message, fastifyError.code) };
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: body('The request body is not valid JSON.', 'bad-request') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('The request body is empty although its Content-Type says JSON.', 'bad-request') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      // The route's own limit (the take audio route raises it), else the server's.
      const limit = request.routeOptions?.bodyLimit ?? SYNC_LIMITS.jsonBodyBytes;
      return { status: 413, body: body(`The request body is larger than the ${limit} bytes this server accepts.`, 'too-large') };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: body('The request body has a Content-Type this server does not accept (application/json or audio/wav).', 'bad-request') };
  }
  if (fastifyError.validation) return { status: 400, body: body(`The request is not valid: ${fastifyError.message}.`, 'bad-request') };
  // Malformed JSON from the parser itself (secure-json-parse) arrives as a SyntaxError marked 400.
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'bad-request';
    if (error instanceof SyntaxError) return { status: 400, body: body('The request body is not valid JSON.', 'bad-request') };
    return { status, body: body(`The request was refused (${STATUS_CODES[status] ?? status}).`, code) };
  }
  return { status: 500, body: body('The server failed to answer this request; try again later.', 'internal') };
}

async function readiness(db: Db, migrations: readonly Migration[]): Promise<string | null> {
  if (!(await db.ping())) return 'The database does not answer.';
  try {
    const pending = await pendingMigrations(db, migrations);
    if (pending.length > 0) return `${pending.length} database migration(s) are not applied yet.`;
  } catch {
    return 'The database does not answer.';
  }
  return null;
}

/** The Fastify instance with the shell's hooks and routes and then the API's; not yet listening. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  // The code's migrations, read from disk once: readiness (polled by a load balancer) compares the database with them.
  const migrations = readMigrations(options.migrationsDir);
  const app = Fastify({
    logger: options.logger
      ? {
          level: options.logger.level ?? 'info',
          ...(options.logger.stream ? { stream: options.logger.stream } : {}),
          // Fastify logs no headers or bodies by default; this keeps a token out of any line that does log headers.
          redact: { paths: ['req.headers.authorization', 'headers.authorization', 'request.headers.authorization'], censor: '[redacted]' },
        }
      : false,
    bodyLimit: SYNC_LIMITS.jsonBodyBytes,
    // Our own 503 while closing (an ErrorBody), instead of Fastify's.
    return503OnClosing: false,
  });

  // A take's audio: the raw WAV bytes as a Buffer, under the server's limit unless the route raises it (only the take
  // audio route does: a 20 MiB body is not read for any other).
  app.addContentTypeParser('audio/wav', { parseAs: 'buffer' }, (_request, payload, done) => {
    done(null, payload);
  });

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (closing) {
      reply.header('connection', 'close');
      return reply.code(503).send(body('The server is stopping; try again in a moment.', 'not-ready'));
    }
    if (request.method === 'OPTIONS') return;
    const header = request.headers[PROTOCOL_HEADER];
    if (header === undefined) return;
    const version = Number(header);
    if (typeof header !== 'string' || !/^\d+$/.test(header) || !Number.isSafeInteger(version)) {
      return reply.code(400).send(body(`The ${PROTOCOL_HEADER} header must be a whole number.`, 'bad-request'));
    }
    if (version < SYNC_PROTOCOL_VERSION) {
      return reply.code(426).send(body(`This app speaks sync protocol ${version} and the server needs ${SYNC_PROTOCOL_VERSION}; update the app.`, 'upgrade-required'));
    }
  });

  // CORS: the app is served from another origin and sends a bearer token, never cookies, so any origin may call.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    // While closing, an answer ends its keep-alive connection: Node closes only the connections idle when close()
    // starts, so one that finishes its request later would otherwise hold the close for the keep-alive timeout.
    if (closing) reply.header('connection', 'close');
    // Every 413, whichever error handler wrote it (the shell's or the API's): the rest of an unread body is read.
    else if (reply.statusCode === 413) readAndDropTheRest(request, reply);
    return payload;
  });
  app.options('*', async (_request, reply) => {
    reply
      .header('access-control-allow-methods', ALLOWED_METHODS)
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '600')
      .code(204);
    return reply.send();
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, body: errorBody } = errorReply(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, code: errorBody.code }, 'request refused');
    return reply.code(status).type('application/json; charset=utf-8').send(errorBody);
  });
  app.setNotFoundHandler(async (_request, reply) => {
    return reply.code(404).send(body('There is no such path on this server.', 'not-found'));
  });

  app.get(SYNC_PATHS.health, async (): Promise<HealthBody> => ({ status: 'ok' }));
  app.get(SYNC_PATHS.ready, async (_request, reply) => {
    const reason = await readiness(db, migrations);
    if (reason === null) return { status: 'ready' } satisfies ReadyBody;
    // Both a ReadyBody and an ErrorBody, so a client reading either shape understands it.
    return reply.code(503).send({ status: 'not-ready', reason, error: reason, code: 'not-ready' } satisfies ReadyBody & ErrorBody);
  });

  await options.registerApi(app, { db });
  return app;
}
