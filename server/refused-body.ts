/**
 * A body refused for its size (413) before it was read: Fastify answers with `Connection: close`, and closing a socket
 * the client is still writing to resets it, so the client may lose the answer (fetch fails with EPIPE or ECONNRESET
 * instead of reading the 413). The server's onSend hook calls this for every 413 (server/http.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SYNC_LIMITS } from '../src/sync/protocol.ts';

/** How much of a refused body the server reads and drops before it gives up on the connection, and for how long. */
const REFUSED_BODY_DRAIN = { bytes: 4 * SYNC_LIMITS.takeAudioBytes, ms: 30_000 };

/**
 * Keeps the connection of a refused, unread body open while the rest of the body is read and dropped, up to
 * REFUSED_BODY_DRAIN (then it is closed: a client sending without end gets the reset it asked for).
 */
export function readAndDropTheRest(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) return;
  reply.removeHeader('connection');
  let droppedBytes = 0;
  const giveUp = (): void => {
    raw.socket?.destroy();
  };
  const timer = setTimeout(giveUp, REFUSED_BODY_DRAIN.ms);
  timer.unref();
  raw.on('data', (chunk: Buffer) => {
    droppedBytes += chunk.length;
    if (droppedBytes > REFUSED_BODY_DRAIN.bytes) giveUp();
  });
  raw.once('close', () => clearTimeout(timer));
  raw.resume();
}
