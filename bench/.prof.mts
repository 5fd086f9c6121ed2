import pino from 'pino'
import { createApp } from '/work/main/src/app.js'
import { loadConfig } from '/work/main/src/config.js'
import { openDatabase } from '/work/main/src/db/database.js'
const config = loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40), DATABASE_URL: process.env.DB, LOG_LEVEL: 'warn' })
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: 10 } as any)
const app = createApp({ db: handle.db, config, logger: pino({ level: 'warn' }), secret: 'x'.repeat(40) })
for (const path of process.argv.slice(2)) {
  for (let i = 0; i < 300; i++) await (await app.request(path, { headers: { 'accept-encoding': 'br' } })).arrayBuffer()
  const n = 2000
  const t = performance.now()
  for (let i = 0; i < n; i++) await (await app.request(path, { headers: { 'accept-encoding': 'br' } })).arrayBuffer()
  console.log(path, ((performance.now() - t) / n).toFixed(3), 'ms/req')
}
await handle.close?.()
process.exit(0)
