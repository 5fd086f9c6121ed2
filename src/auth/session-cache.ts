import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import { VersionReader } from '../db/registry-version.js'
import type { SessionUser } from '../http/env.js'

// Every signed-in request needs to know who is asking. Reading the session row each time is a
// query per request; instead an instance remembers a session it has just checked and reuses
// it while session_epoch (migration 0008) has not moved. The epoch moves at the commit of any
// sign-out, deleted or shortened session, or changed account, on any instance, so a
// deactivated officer's next request is refused as before. One epoch read, shared by the
// requests arriving together (VersionReader), replaces a session read per request.

export interface CheckedSession {
  user: SessionUser
  /** The epoch read before the session row was, so the row is at least this fresh. */
  epoch: string
  lastSeenAt: number
  expiresAt: number
}

// Enough for every staff member of a ministry; beyond it the oldest are forgotten.
const MAX_SESSIONS = 10_000

export class SessionCache {
  private readonly sessions = new Map<string, CheckedSession>()

  get(tokenHash: string): CheckedSession | undefined {
    return this.sessions.get(tokenHash)
  }

  set(tokenHash: string, session: CheckedSession) {
    this.sessions.delete(tokenHash)
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value
      if (oldest !== undefined) this.sessions.delete(oldest)
    }
    this.sessions.set(tokenHash, session)
  }

  forget(tokenHash: string) {
    this.sessions.delete(tokenHash)
  }
}

async function readEpoch(db: Database): Promise<string> {
  const { rows } = await sql<{ epoch: string }>`select epoch::text as epoch from session_epoch`.execute(db)
  return rows[0]?.epoch ?? '0'
}

const perDatabase = new WeakMap<Database, { cache: SessionCache; epoch: VersionReader }>()

/** This instance's checked sessions and epoch reader for a database. */
export function sessionMemory(db: Database) {
  let memory = perDatabase.get(db)
  if (!memory) {
    memory = { cache: new SessionCache(), epoch: new VersionReader(() => readEpoch(db)) }
    perDatabase.set(db, memory)
  }
  return memory
}
