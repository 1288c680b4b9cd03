/**
 * One HTTP request to the sync server: the protocol header, the device's bearer token, a timeout (AbortController),
 * the error body read into a TeamError, the response checked by the given parser. fetch is injected (tests).
 */
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../sync/protocol.ts';
import { TeamError, type TeamErrorCode } from './errors.ts';

/** The part of fetch the client uses. */
export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array; signal: AbortSignal }) => Promise<{
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
  text(): Promise<string>;
}>;

/** A request's fetch timeout (ms). */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Where and as whom. */
export interface Endpoint {
  origin: string;
  /** Null for POST /v1/join, the one request without a token. */
  token: string | null;
}

export interface RequestOptions<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  json?: unknown;
  bytes?: { body: Uint8Array; contentType: string };
  /** Checks the 2xx body (not called for 204); throws or returns null when it is not the expected shape. */
  parse: ((body: unknown) => T | null) | null;
  /** The join request's own mapping of 400/404/410 (invite codes). */
  join?: boolean;
}

/** The server's ErrorBody, when the body is one. */
function errorBodyOf(body: unknown): { error: string; code: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  return typeof b.error === 'string' && typeof b.code === 'string' ? { error: b.error, code: b.code } : null;
}

/** The TeamError code for a failed status (and the server's code). */
export function codeForStatus(status: number, serverCode: string | null, join: boolean): TeamErrorCode {
  if (join && status === 410) return serverCode === 'invite-expired' ? 'invite-expired' : 'invite-used';
  if (join && (status === 400 || status === 404)) return 'bad-invite';
  if (status === 401) return 'revoked';
  if (status === 403) return 'forbidden';
  if (status === 426) return 'upgrade-required';
  if (status === 408 || status === 429 || status >= 500) return 'server-error';
  return 'refused';
}

const SENTENCES: Record<TeamErrorCode, string> = {
  'bad-origin': 'The server address is not valid.',
  unreachable: 'The sync server could not be reached.',
  'bad-invite': 'The invite code is not known to the server.',
  'invite-used': 'The invite code was already used.',
  'invite-expired': 'The invite code has expired.',
  revoked: 'This device was signed out by the server (its access was revoked).',
  forbidden: 'Your role may not do that on the sync server.',
  'bad-response': 'The sync server answered something this app cannot read.',
  'server-error': 'The sync server had a problem; it will be tried again.',
  refused: 'The sync server refused the data.',
  'upgrade-required': 'The sync server needs a newer version of VoiceDrill; reload the page to update.',
  'not-joined': 'This device has not joined a sync server.',
};

/** The English sentence of a code (logs, outbox lastError). */
export function sentenceOf(code: TeamErrorCode, detail: string | null = null): string {
  return detail === null ? SENTENCES[code] : `${SENTENCES[code].slice(0, -1)}: ${detail.replace(/\.$/, '')}.`;
}

/** Send one request; resolves with the parsed body (undefined for 204), rejects with a TeamError. */
export async function request<T>(fetchFn: FetchLike, endpoint: Endpoint, options: RequestOptions<T>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) };
  if (endpoint.token !== null) headers.authorization = `Bearer ${endpoint.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes !== undefined) {
    headers['content-type'] = options.bytes.contentType;
    body = options.bytes.body;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchFn(`${endpoint.origin}${options.path}`, { method: options.method, headers, ...(body === undefined ? {} : { body }), signal: controller.signal });
    } catch {
      throw new TeamError('unreachable', sentenceOf('unreachable'));
    }
    if (!response.ok) {
      let parsed: unknown = null;
      try { parsed = await response.json(); } catch { /* not JSON: the status says enough */ }
      const err = errorBodyOf(parsed);
      const code = codeForStatus(response.status, err?.code ?? null, options.join === true);
      return await Promise.reject(new TeamError(code, sentenceOf(code, err?.error ?? null), { status: response.status, detail: err?.error ?? null }));
    }
    if (options.parse === null || response.status === 204) return undefined as T;
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      throw new TeamError('bad-response', sentenceOf('bad-response'), { status: response.status });
    }
    let value: T | null;
    try {
      value = options.parse(parsed);
    } catch {
      value = null;
    }
    if (value === null) throw new TeamError('bad-response', sentenceOf('bad-response'), { status: response.status });
    return value;
  } finally {
    clearTimeout(timer);
  }
}
