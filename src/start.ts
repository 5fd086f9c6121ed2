import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Logger } from 'pino'
import { createApp } from './app.js'
import { countUsers } from './auth/accounts.js'
import type { Config } from './config.js'
import { type DatabaseHandle, openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { resolveSigningSecret } from './http/secret.js'
import { issueSetupToken } from './setup/setup-tokens.js'

export interface RunningRegistry {
  url: string
  handle: DatabaseHandle
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  stop: () => Promise<void>
}

/** Opens the database, migrates, and listens. Used by `npm start`, the demo and the browser tests. */
export async function startRegistry(
  config: Config,
  logger: Logger,
  options: { handle?: DatabaseHandle; announceSetupLink?: (link: string) => void } = {},
): Promise<RunningRegistry> {
  const onPoolError = (error: Error) => logger.warn({ err: error.message }, 'database connection lost')
  if (!options.handle && config.DATABASE_URL) {
    // A migration may take longer than any request should wait: it runs on a connection of its
    // own, without the query time limit the server's pool has.
    const migrating = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: '',
      poolMax: 1,
      onPoolError,
    })
    try {
      await migrateToLatest(migrating.db)
    } finally {
      await migrating.close()
    }
  }
  const handle =
    options.handle ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolMax: config.DB_POOL_MAX,
      queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS,
      onPoolError,
    }))
  if (options.handle || !config.DATABASE_URL) await migrateToLatest(handle.db)
  const secret = await resolveSigningSecret(handle.db, config.SECRET_KEY)
  const app = createApp({ db: handle.db, config, logger, secret })

  // Requests still being handled, so shutdown closes the database only after the last one,
  // even when its client has already gone away.
  let inFlight = 0
  const server = serve({
    fetch: async (request, env) => {
      inFlight++
      try {
        return await app.fetch(request, env)
      } finally {
        inFlight--
      }
    },
    port: config.PORT,
    hostname: config.HOST,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  const url = config.PUBLIC_BASE_URL ?? `http://localhost:${port}`

  if ((await countUsers(handle.db)) === 0) {
    const token = await issueSetupToken(handle.db)
    options.announceSetupLink?.(`${url.replace(/\/$/, '')}/setup?token=${token}`)
  }

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      // Idle keep-alive connections would hold close() open; in-flight requests still finish.
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    })
      .then(async () => {
        while (inFlight > 0) await new Promise((r) => setTimeout(r, 10))
      })
      .then(() => handle.close())
    return stopping
  }
  return { url, handle, stop }
}
