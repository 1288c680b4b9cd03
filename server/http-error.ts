/**
 * An error a route throws to answer with a 4xx/5xx ErrorBody (src/sync/protocol.ts): the status, the machine code and
 * one sentence for people. The error handler of http.ts sends exactly these; any other error is a 500 'internal'.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    /** ErrorBody.code: 'bad-request', 'forbidden', 'not-found', … */
    readonly code: string,
    /** One sentence, shown to people. */
    message: string,
  ) {
    super(message);
  }
}
