import { createHash } from 'node:crypto'
import { type PostgresCursor, type PostgresPool, type PostgresPoolClient, sql } from 'kysely'
import type pg from 'pg'

// PostgreSQL plans every unnamed statement anew; for the registry's joined pages planning costs
// more than running (2.4 ms against 0.7 ms for the agency page). Named statements are planned
// once per connection and, after a few runs, use a generic plan. Kysely's SQL is parameterised,
// so the set of texts is bounded; the cap below is a guard should that ever stop being true.
const MAX_NAMED_STATEMENTS = 2000
const names = new Map<string, string>()

// Except statements that begin with `plannedEachRun`: they run unnamed, planned for their values
// every time. The figures over a period with optional filters need it: their generic plan
// guesses the period's size and the filters' and reads far more. A district's dashboard took
// 780-930 ms on generic plans against 385-445 ms planned each run (100,000 agencies).
const PLANNED_EACH_RUN = '/* planned each run */'
export const plannedEachRun = sql.raw(`${PLANNED_EACH_RUN}\n`)

function statementName(text: string): string | undefined {
  if (text.startsWith(PLANNED_EACH_RUN)) return undefined
  let name = names.get(text)
  if (!name && names.size < MAX_NAMED_STATEMENTS) {
    name = `k${createHash('sha1').update(text).digest('base64url')}`
    names.set(text, name)
  }
  return name
}

/** A pool for Kysely that runs each query as a named (prepared) statement. */
export function preparedStatementPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect()
      // A query that timed out leaves its connection waiting for an answer that may never come:
      // such a connection is closed when released, not handed to the next request.
      let broken: Error | undefined
      const note = (error: unknown) => {
        if (/Query read timeout/.test(String((error as Error)?.message))) broken = error as Error
        throw error
      }
      return {
        // biome-ignore lint/suspicious/noExplicitAny: the overloads of Kysely's client interface
        query: ((textOrCursor: string | PostgresCursor<unknown>, values?: ReadonlyArray<unknown>): any => {
          // Nothing more is sent on a connection that stopped answering (not even the rollback).
          if (broken) return Promise.reject(broken)
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never)
          const name = statementName(textOrCursor)
          return client.query({ name, text: textOrCursor, values: values as unknown[] }).catch((error) => {
            // A migration changed a table under a statement prepared earlier on this connection
            // (a rolling deploy): run it unprepared rather than fail the request.
            if (name && /cached plan must not change result type/.test(String(error?.message))) {
              return client.query(textOrCursor, values as unknown[])
            }
            return note(error)
          })
        }) as PostgresPoolClient['query'],
        release: () => client.release(broken),
      }
    },
    end: () => pool.end(),
  }
}
