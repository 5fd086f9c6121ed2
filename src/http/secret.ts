import { randomBytes } from 'node:crypto'
import type { Database } from '../db/database.js'

const KEY = 'signing_secret'

/**
 * The key that signs CSRF tokens: SECRET_KEY when set, otherwise one generated on first start
 * and kept in the database so that every instance sharing it agrees.
 */
export async function resolveSigningSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured
  await db
    .insertInto('app_settings')
    .values({ key: KEY, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirstOrThrow()
  return row.value
}
