import { sql } from 'kysely'
import { hashToken, newToken } from '../auth/tokens.js'
import type { Database } from '../db/database.js'

const SETUP_TOKEN_HOURS = 24

/**
 * On an empty registry, makes the one-time link for the first administrator. Earlier unused
 * links stop working, so only the newest printed link is valid.
 */
export async function issueSetupToken(db: Database, now = new Date()): Promise<string> {
  const token = newToken()
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('setup_tokens').where('used_at', 'is', null).execute()
    await trx
      .insertInto('setup_tokens')
      .values({
        token_hash: hashToken(token),
        created_at: now,
        expires_at: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000),
      })
      .execute()
  })
  return token
}

/** Locks a usable setup token inside the caller's transaction; null when used, expired or unknown. */
export function lockUsableSetupToken(trx: Database, token: string) {
  return trx
    .selectFrom('setup_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst()
}

export async function isSetupTokenUsable(db: Database, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('setup_tokens')
    .select('token_hash')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return row !== undefined
}
