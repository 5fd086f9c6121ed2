import { sql } from 'kysely'
import type { Database } from './database.js'

// registry_version moves at the commit of any transaction that changes registry data
// (migration 0006). Reading it tells whether anything kept from an earlier read still holds.

/** The registry's current version: one indexed read of one row. */
export async function registryVersion(db: Database): Promise<string> {
  const { rows } = await sql<{
    version: string
  }>`select version::text as version from registry_version`.execute(db)
  return rows[0]?.version ?? '0'
}

/**
 * Reads the version for many requests at once, without ever answering a request with a read
 * that began before it arrived: while one read is in flight, newcomers wait for the next, which
 * starts when it ends. Under load one read serves dozens of requests; alone, a request costs
 * one read as before.
 */
export class VersionReader {
  private current: Promise<string> | null = null
  private following: Promise<string> | null = null

  constructor(private readonly readVersion: () => Promise<string>) {}

  read(): Promise<string> {
    if (!this.current) {
      const started = this.readVersion()
      this.current = started.finally(() => {
        this.current = null
      })
      // The caller handles a failed read (the database is down); this copy only tells
      // newcomers when to start the next one, and must not count as an unhandled rejection.
      this.current.catch(() => undefined)
      return started
    }
    this.following ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.following = null
        return this.read()
      })
    return this.following
  }
}

const readers = new WeakMap<Database, VersionReader>()

/** The registry's version now, one read shared by the requests arriving together. */
export function currentRegistryVersion(db: Database): Promise<string> {
  let reader = readers.get(db)
  if (!reader) {
    reader = new VersionReader(() => registryVersion(db))
    readers.set(db, reader)
  }
  return reader.read()
}
