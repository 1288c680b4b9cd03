/** What every API route shares: reading a body with its protocol parser, path ids, the ErrorBody of a refusal. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ReadResult } from '../../src/packs/types.ts';
import type { ErrorBody } from '../../src/sync/protocol.ts';
import { ApiError, badRequest, notFound } from '../domain/errors.ts';

/** The body read by its parser, or a 400 with the parser's sentence. */
export function bodyOf<T>(request: FastifyRequest, parse: (input: unknown) => ReadResult<T>): T {
  if (request.body === undefined || request.body === null) throw badRequest('The request has no JSON body.');
  const read = parse(request.body);
  if (!read.ok) throw badRequest(read.error);
  return read.value;
}

/** A path or query parameter that must match the pattern; anything else cannot name a row, so 404. */
export function idParam(request: FastifyRequest, name: string, pattern: RegExp, what: string, from: 'params' | 'query' = 'params'): string {
  const value = (request[from] as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || !pattern.test(value)) throw notFound(what);
  return value;
}

/** An optional query parameter (absent → undefined). */
export function optionalQuery(request: FastifyRequest, name: string, pattern: RegExp, what: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return value === undefined ? undefined : idParam(request, name, pattern, what, 'query');
}

/** The API's error handler: refusals as ErrorBody; Fastify's own 4xx (bad JSON, too large) too; anything else to the app's handler. */
export function apiErrorHandler(error: FastifyError | ApiError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return reply.code(error.status).send({ error: error.message, code: error.code } satisfies ErrorBody);
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const body: ErrorBody = status === 413 ? { error: 'The request is too large.', code: 'too-large' }
      : status === 415 ? { error: 'The request body has a type this address does not take.', code: 'bad-request' }
        : { error: 'The request body is not valid JSON.', code: 'bad-request' };
    return reply.code(status).send(body);
  }
  throw error;
}
