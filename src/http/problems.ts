/** The error statuses the registry answers with a page of its own. */
export type ErrorStatus = 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503

/** Thrown by handlers and guards; the app's error handler renders the matching page. */
export class PageError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly detail?: string,
  ) {
    super(detail ?? `HTTP ${status}`)
  }
}

export const notFound = (detail?: string) => new PageError(404, detail)
export const forbidden = (detail?: string) => new PageError(403, detail)
