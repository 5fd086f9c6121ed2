import type { MiddlewareHandler } from 'hono'
import pino, { type Logger } from 'pino'
import type { AppEnv } from './env.js'

export function createLogger(level: string): Logger {
  return pino({
    level,
    // Belt and braces: even if someone logs a request or headers object, secrets stay out.
    redact: {
      paths: [
        '*.cookie',
        '*.authorization',
        '*.password',
        '*.token',
        'headers.cookie',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  })
}

/** One structured line per request: id, method, path (no query: it can hold tokens), status, time. */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now()
  await next()
  const status = c.res.status
  const line = {
    reqId: c.get('requestId'),
    method: c.req.method,
    path: c.get('loggedPath') ?? c.req.path,
    status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    user: c.get('user')?.id,
  }
  const logger = c.get('logger')
  if (status >= 500) logger.error(line, 'request failed')
  else logger.info(line, 'request')
}
