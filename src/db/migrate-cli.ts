import { ConfigError, loadConfig } from '../config.js'
import { openDatabase } from './database.js'
import { migrateToLatest } from './migrate.js'

// `npm run db:migrate`: bring the configured database up to date and report what ran.
try {
  const config = loadConfig()
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
  const result = await migrateToLatest(handle.db)
  const ran = result.results ?? []
  console.log(
    ran.length === 0
      ? 'Database is up to date.'
      : ran.map((r) => `${r.status}: ${r.migrationName}`).join('\n'),
  )
  await handle.close()
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
