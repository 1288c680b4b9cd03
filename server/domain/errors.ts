/** A refusal the API answers with its status and ErrorBody (protocol.ts): one sentence and a machine-readable code. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export const forbidden = (what = 'Your role may not do this.'): ApiError => new ApiError(403, 'forbidden', what);
export const notFound = (what: string): ApiError => new ApiError(404, 'not-found', `${what} was not found.`);
export const badRequest = (sentence: string): ApiError => new ApiError(400, 'bad-request', sentence);
