import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { TEMPLATE_DATABASE, withDatabaseName } from './database-names.js'

export interface TestDatabase extends DatabaseHandle {
  /** The connection string of this file's database (PostgreSQL only). */
  url?: string
  dispose: () => Promise<void>
}

async function cloneTemplate(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    // Two workers cloning at the same instant can collide on the template; try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`)
        return
      } catch (error) {
        if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error
        await new Promise((r) => setTimeout(r, 100 * attempt))
      }
    }
  } finally {
    await admin.end()
  }
}

/** A fresh, migrated database for one test file: real PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `rr_test_${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`
    await cloneTemplate(url, name)
    const dbUrl = withDatabaseName(url, name)
    const handle = await openDatabase({ databaseUrl: dbUrl, dataDir: '', poolMax: 10 })
    return {
      ...handle,
      url: dbUrl,
      dispose: async () => {
        await handle.close()
        const admin = new pg.Client({ connectionString: url })
        await admin.connect()
        await admin.query(`drop database if exists ${name} with (force)`)
        await admin.end()
      },
    }
  }
  const template = readFileSync(inject('pgliteTemplatePath'))
  const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([template]) })
  return { ...handle, dispose: handle.close }
}
