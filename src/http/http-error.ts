/**
 * An expected failure: carries its HTTP status and a stable code, and is answered as JSON
 * `{error: {code, message}}`. Anything else thrown by a handler is logged and answered with a bare 500.
 *
 * @example throw new HttpError(400, 'bad_limit', 'Expected `limit` to be an integer from 1 to 500, received `abc`')
 */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422 | 502,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}
