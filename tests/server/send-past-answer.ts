/** A client that goes on sending a body after the server has answered it (the 413 tests of the sync server). */
import { request as httpRequest } from 'node:http';

/**
 * Sends `bytes` (zeros) by `method` to `url` with a Content-Length, pausing after the first 64 KiB until the answer has arrived (the
 * server refuses the body by its length before reading it), then writes the rest: the answer and whether every byte
 * was written without the connection being reset.
 */
export function sendPastTheAnswer(method: string, url: string, bytes: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string; written: boolean; error: string | null }> {
  return new Promise((resolve) => {
    let answer: { status: number; body: string } | null = null;
    let written = false;
    let error: string | null = null;
    const done = (): void => {
      if (answer !== null && (written || error !== null)) resolve({ ...answer, written, error });
    };
    const req = httpRequest(url, { method, headers: { 'content-type': 'audio/wav', ...headers, 'content-length': String(bytes) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (error !== null) return;
        answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
        // The rest of the body, after the answer: a server that closed on refusing it resets this connection. (Written
        // in one piece: after the answer, Node's ClientRequest no longer passes on its socket's 'drain'.)
        req.end(Buffer.alloc(bytes - 65536), () => {
          written = true;
          done();
        });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
      done();
    });
    req.on('close', () => {
      if (!written) error ??= 'the connection closed before the body was sent';
      done();
    });
    req.write(Buffer.alloc(65536));
  });
}
