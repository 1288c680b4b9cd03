// The sync server's HTTP shell (issue 13) through app.inject: every 4xx/5xx an ErrorBody, body limits, the audio body,
// CORS preflight, the protocol check, health and readiness on a real PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgDb } from '../../server/db/pg-db.ts';
import type { Db } from '../../server/db/sql.ts';
import { HttpError } from '../../server/http-error.ts';
import { buildServer } from '../../server/http.ts';
import { migrate } from '../../server/migrate.ts';
import { PROTOCOL_HEADER, SYNC_LIMITS } from '../../src/sync/protocol.ts';
import { freePort, testDatabaseUrl } from './pg-cluster.ts';
import { sendPastTheAnswer } from './send-past-answer.ts';

let db: Db;
let drop: () => Promise<void>;
let app: FastifyInstance;
const logLines: string[] = [];
let echoCalls = 0;

beforeAll(async () => {
  const fresh = await testDatabaseUrl();
  drop = fresh.drop;
  db = openPgDb({ connectionString: fresh.url });
  await migrate(db);
  app = await buildServer({
    db,
    logger: { level: 'info', stream: { write: (line) => void logLines.push(line) } },
    // A tiny API standing in for server/routes: what the shell must do around any route.
    async registerApi(api) {
      api.post('/v1/echo', async (request) => {
        echoCalls += 1;
        return { got: request.body };
      });
      api.put('/v1/audio', { bodyLimit: SYNC_LIMITS.takeAudioBytes }, async (request) => ({ bytes: (request.body as Buffer).length, isBuffer: Buffer.isBuffer(request.body) }));
      api.get('/v1/boom', async () => {
        throw new Error('secret internals: password=hunter2');
      });
      api.get('/v1/gone', async () => {
        throw Object.assign(new Error('This invite code was already used.'), { statusCode: 410, code: 'invite-used' });
      });
      api.get('/v1/refuse', async () => {
        throw new HttpError(403, 'forbidden', 'Only a trainer of this group may read its roster.');
      });
    },
  });
});

afterAll(async () => {
  await app?.close();
  await db?.close();
  await drop?.();
});

describe('health and readiness', () => {
  it('GET /healthz → 200 ok', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz → 200 ready once the database answers and is migrated', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('GET /readyz → 503 not-ready on a database without the migrations', async () => {
    const fresh = await testDatabaseUrl();
    const bare = openPgDb({ connectionString: fresh.url });
    const other = await buildServer({ db: bare, registerApi: async () => undefined });
    try {
      const res = await other.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        status: 'not-ready',
        reason: '1 database migration(s) are not applied yet.',
        error: '1 database migration(s) are not applied yet.',
        code: 'not-ready',
      });
    } finally {
      await other.close();
      await bare.close();
      await fresh.drop();
    }
  });
});

describe('errors are ErrorBodies', () => {
  it('malformed JSON → 400 bad-request, the route never runs', async () => {
    const before = echoCalls;
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"takes": [' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'The request body is not valid JSON.', code: 'bad-request' });
    expect(echoCalls).toBe(before);
  });

  it('a JSON body one byte over the limit → 413 too-large; at the limit it passes', async () => {
    const at = JSON.stringify({ pad: 'x'.repeat(SYNC_LIMITS.jsonBodyBytes - 10) });
    expect(Buffer.byteLength(at)).toBe(SYNC_LIMITS.jsonBodyBytes);
    const ok = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: at });
    expect(ok.statusCode).toBe(200);

    const before = echoCalls;
    const over = JSON.stringify({ pad: 'x'.repeat(SYNC_LIMITS.jsonBodyBytes - 9) });
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: over });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: `The request body is larger than the ${SYNC_LIMITS.jsonBodyBytes} bytes this server accepts.`, code: 'too-large' });
    expect(echoCalls).toBe(before);
  });

  it('audio/wav arrives as a Buffer up to takeAudioBytes; over it → 413', async () => {
    const wav = Buffer.alloc(SYNC_LIMITS.jsonBodyBytes * 3, 7);
    const ok = await app.inject({ method: 'PUT', url: '/v1/audio', headers: { 'content-type': 'audio/wav' }, payload: wav });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ bytes: wav.length, isBuffer: true });

    const big = Buffer.alloc(SYNC_LIMITS.takeAudioBytes + 1);
    const res = await app.inject({ method: 'PUT', url: '/v1/audio', headers: { 'content-type': 'audio/wav' }, payload: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: `The request body is larger than the ${SYNC_LIMITS.takeAudioBytes} bytes this server accepts.`, code: 'too-large' });
  });

  it('audio/wav to a route that does not raise its limit is refused past the JSON limit (not read up to 20 MiB)', async () => {
    const before = echoCalls;
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'audio/wav' }, payload: Buffer.alloc(SYNC_LIMITS.jsonBodyBytes * 3) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: `The request body is larger than the ${SYNC_LIMITS.jsonBodyBytes} bytes this server accepts.`, code: 'too-large' });
    expect(echoCalls).toBe(before);
  });

  it('an unknown path → 404 JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: 'There is no such path on this server.', code: 'not-found' });
  });

  it('a route error → 500 internal without its details; an HttpError → its status and sentence', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'The server failed to answer this request; try again later.', code: 'internal' });
    expect(res.body).not.toContain('hunter2');

    const refused = await app.inject({ method: 'GET', url: '/v1/refuse' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: 'Only a trainer of this group may read its roster.', code: 'forbidden' });
    const gone = await app.inject({ method: 'GET', url: '/v1/gone' });
    expect(gone.statusCode).toBe(410);
    expect(gone.json()).toEqual({ error: 'This invite code was already used.', code: 'invite-used' });
  });

  it('an unsupported Content-Type → 415 with an ErrorBody', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('bad-request');
  });
});

describe('protocol header', () => {
  it('an older protocol → 426 upgrade-required; the current one or none passes', async () => {
    const old = await app.inject({ method: 'POST', url: '/v1/echo', headers: { [PROTOCOL_HEADER]: '0', 'content-type': 'application/json' }, payload: '{}' });
    expect(old.statusCode).toBe(426);
    expect(old.json()).toEqual({ error: 'This app speaks sync protocol 0 and the server needs 1; update the app.', code: 'upgrade-required' });

    const current = await app.inject({ method: 'POST', url: '/v1/echo', headers: { [PROTOCOL_HEADER]: '1', 'content-type': 'application/json' }, payload: '{"a":1}' });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toEqual({ got: { a: 1 } });
    const none = await app.inject({ method: 'GET', url: '/healthz' });
    expect(none.statusCode).toBe(200);
  });

  it('a header that is not a number → 400', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { [PROTOCOL_HEADER]: 'v1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad-request');
  });
});

describe('CORS', () => {
  it('answers a preflight for the bearer token, JSON and the protocol header from any origin', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/v1/takes',
      headers: { origin: 'http://192.168.1.20:4173', 'access-control-request-method': 'PUT', 'access-control-request-headers': `authorization,content-type,${PROTOCOL_HEADER}` },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const allowed = String(res.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', PROTOCOL_HEADER]));
    expect(String(res.headers['access-control-allow-methods']).split(/,\s*/)).toEqual(['GET', 'POST', 'PUT', 'PATCH']);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('every answer, errors included, allows any origin', async () => {
    for (const url of ['/healthz', '/v1/nothing-here', '/v1/boom']) {
      const res = await app.inject({ method: 'GET', url, headers: { origin: 'http://elsewhere.example' } });
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
    }
  });
});

describe('logs', () => {
  it('are JSON lines without tokens or bodies', async () => {
    logLines.length = 0;
    await app.inject({
      method: 'POST',
      url: '/v1/echo',
      headers: { authorization: 'Bearer vdt.org.dev.SECRETTOKEN', 'content-type': 'application/json' },
      payload: '{"note":"PRIVATEBODY"}',
    });
    expect(logLines.length).toBeGreaterThanOrEqual(2);
    for (const line of logLines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain('SECRETTOKEN');
      expect(line).not.toContain('PRIVATEBODY');
    }
    expect(logLines.map((l) => JSON.parse(l).msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
  });
});

describe('an oversized body', () => {
  it('is answered 413 and read to its end, so a client still sending gets the answer, not a reset', async () => {
    const other = await buildServer({
      db,
      async registerApi(api) {
        api.put('/v1/audio', { bodyLimit: SYNC_LIMITS.takeAudioBytes }, async () => ({ ok: true }));
      },
    });
    const port = await freePort();
    await other.listen({ port, host: '127.0.0.1' });
    try {
      const sent = await sendPastTheAnswer('PUT', `http://127.0.0.1:${port}/v1/audio`, SYNC_LIMITS.takeAudioBytes + 1);
      expect(sent.status).toBe(413);
      expect(JSON.parse(sent.body)).toEqual({ error: `The request body is larger than the ${SYNC_LIMITS.takeAudioBytes} bytes this server accepts.`, code: 'too-large' });
      expect({ written: sent.written, error: sent.error }).toEqual({ written: true, error: null });
    } finally {
      await other.close();
    }
  });
});

describe('graceful close', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => (started = r));
    const other = await buildServer({
      db,
      async registerApi(api) {
        api.get('/v1/slow', async () => {
          started();
          await new Promise<void>((r) => (release = r));
          return { done: true };
        });
      },
    });
    const port = await freePort();
    await other.listen({ port, host: '127.0.0.1' });
    const slow = fetch(`http://127.0.0.1:${port}/v1/slow`);
    await running;

    let closed = false;
    const closing = other.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    release();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    expect(closed).toBe(true);
  });
});
