import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { migrateToLatest } from '../../src/db/migrate.js'
import type { DB } from '../../src/db/types.js'
import { TEMPLATE_DATABASE, withDatabaseName } from './database-names.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string
  }
}

/**
 * Migrates a template once per run. On PostgreSQL each test file then clones it with
 * CREATE DATABASE ... TEMPLATE; on PGlite each file loads a dump of it.
 */
export default async function setup(project: TestProject) {
  // The compiled server and the built static files, as `npm start` runs them (the server-process
  // test starts dist/server.js; pages read dist/static/).
  execFileSync(process.execPath, ['src/build.mjs', '--if-stale'], { stdio: 'inherit' })
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`)
    await admin.query(`create database ${TEMPLATE_DATABASE}`)
    await admin.end()
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: withDatabaseName(url, TEMPLATE_DATABASE) }),
      }),
    })
    await migrateToLatest(db)
    await db.destroy()
    project.provide('pgliteTemplatePath', '')
    console.log(`Tests use PostgreSQL (${new URL(url).host}), a database per test file.`)
    return
  }
  const pglite = new PGlite('memory://', { extensions: { pg_trgm } })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  await migrateToLatest(db)
  await sql`checkpoint`.execute(db)
  const dump = await pglite.dumpDataDir('none')
  await db.destroy()
  const dir = mkdtempSync(join(tmpdir(), 'rr-test-'))
  const path = join(dir, 'template.tar')
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplatePath', path)
  console.log('Tests use embedded PGlite (TEST_DATABASE_URL is not set), a database per test file.')
  return () => rmSync(dir, { recursive: true, force: true })
}
