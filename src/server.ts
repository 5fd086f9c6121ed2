import { ConfigError, loadConfig } from './config.js'
import { createLogger } from './http/logging.js'
import { startRegistry } from './start.js'

let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig()
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
const logger = createLogger(config.LOG_LEVEL)

try {
  const registry = await startRegistry(config, logger, {
    // Printed to the terminal, not the structured log: the link is a one-time secret.
    announceSetupLink: (link) =>
      console.log(
        `\nThe registry has no accounts yet. Open this one-time link to create the first administrator:\n\n  ${link}\n\nIt works once and expires in 24 hours. Restarting the server prints a new one.\n`,
      ),
  })
  logger.info(
    {
      url: registry.url,
      database: registry.handle.driver === 'pg' ? 'postgresql' : `embedded (${config.DATA_DIR})`,
    },
    'registry listening',
  )
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'draining requests and closing the database')
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting')
      process.exit(1)
    }, 15_000)
    force.unref()
    registry.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'error during shutdown')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
} catch (error) {
  logger.fatal({ err: error }, 'the registry could not start')
  process.exit(1)
}
