import { ConfigError, loadConfig } from './config.js'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { seedDemoData } from './demo/seed.js'
import { createLogger } from './http/logging.js'
import { startRegistry } from './start.js'
import { ROLE_LABELS } from './vocabulary.js'

// `npm run demo`: a throwaway registry in memory, filled with made-up data for Lesotho.
// Nothing is written to disk; stopping the process forgets everything.
let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig({ ...process.env, DATABASE_URL: undefined })
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL)
const agencies = Number(process.env.DEMO_AGENCIES ?? 40)

const handle = await openDatabase({ dataDir: 'memory://' })
await migrateToLatest(handle.db)
const { users, worksites } = await seedDemoData(handle.db, { agencies })
const registry = await startRegistry(config, logger, { handle })

console.log(`
Demo registry running at ${registry.url}
It holds ${agencies} agencies and ${worksites} worksites, all made up, in memory only.

Sign in at ${registry.url}/login as any of these demo users:
${users.map((u) => `  ${ROLE_LABELS[u.role].padEnd(22)} ${u.email.padEnd(36)} ${u.password}`).join('\n')}

Press Ctrl+C to stop; the demo data is then gone.
`)
const stop = () => registry.stop().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
