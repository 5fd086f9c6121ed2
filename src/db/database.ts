import { mkdirSync } from 'node:fs'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { preparedStatementPool } from './prepared-pool.js'
import type { DB } from './types.js'

export type Database = Kysely<DB>
export type DatabaseDriver = 'pg' | 'pglite'

export interface DatabaseHandle {
  db: Database
  driver: DatabaseDriver
  /** Closes the pool or the embedded database. */
  close: () => Promise<void>
}

const INT8_OID = 20
const DATE_OID = 1082

// Both drivers must hand the app the same JavaScript types: int8 (bigserial ids, counts,
// money in minor units) as numbers, `date` as 'YYYY-MM-DD' strings (no time-zone shifts).
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number.parseInt(value, 10)
    if (oid === DATE_OID) return (value: string) => value
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept a union format
    return pg.types.getTypeParser(oid, format as any)
  },
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined
  /** Folder for the embedded database; 'memory://' keeps it in memory. */
  dataDir: string
  poolMax?: number
  /**
   * Give up a query that has had no answer for this long (a frozen server never applies its own
   * statement_timeout), so the request fails with a 503 instead of hanging. 0: no limit
   * (migrations, bulk loads).
   */
  queryTimeoutMs?: number
  /** A PGlite data directory dump to start from (tests use a migrated template). */
  loadDataDir?: Blob | File
  onPoolError?: (error: Error) => void
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      // Fail fast while the server is unreachable so requests get a 503 quickly.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
      // The server cancels a statement at the same limit; the client gives up even when the
      // server cannot answer at all.
      ...(options.queryTimeoutMs
        ? { statement_timeout: options.queryTimeoutMs, query_timeout: options.queryTimeoutMs }
        : {}),
      types: pgTypes,
      // No JIT: the registry's figures are many small aggregates whose estimated cost passes
      // PostgreSQL's JIT threshold, and compiling them cost more than running them (the
      // law-enforcement figures at 100,000 agencies: 2,006 ms with JIT, 197 ms without).
      options: '-c jit=off',
    })
    // An idle client losing its connection (database restart) must not crash the process;
    // the pool replaces it on next use.
    pool.on('error', (error) => options.onPoolError?.(error))
    // A dropped connection can emit 'error' more than once; the pool listens only for the
    // first, and an unheard 'error' event would end the process.
    pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)))
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool) }) })
    return { db, driver: 'pg', close: () => db.destroy() }
  }
  // Loaded only when used: the embedded database adds about 40 MB to a server that runs on pg.
  const [{ PGlite, types: pgliteTypes }, { pg_trgm }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('kysely-pglite-dialect'),
  ])
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true })
  const pglite = new PGlite(options.dataDir, {
    extensions: { pg_trgm },
    parsers: { [pgliteTypes.DATE]: (value: string) => value },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  return { db, driver: 'pglite', close: () => db.destroy() }
}

/** Connection-level failures: the database is down or restarting, not a bug in a query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
      return true
    // 08: connection exception; 57P01-03: admin shutdown, crash shutdown, cannot connect now.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(
    error.message,
  )
}
