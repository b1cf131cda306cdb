import { loadConfig } from './config.js'
import { createLogger } from './logger.js'
import { collectStartupGarbage } from './memory/collectStartupGarbage.js'
import { startServer } from './startServer.js'

/** Entry point: config → logger → server; SIGTERM/SIGINT save everything and exit 0. */
const main = async () => {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const server = await startServer(config, logger)
  logger.info(
    {
      url: server.url,
      storage: config.databaseUrl ? 'postgres' : { sqlite: config.dataDir },
      cluster: config.redisUrl ? 'redis' : 'single instance',
    },
    'Accord is serving',
  )
  process.stdout.write(`\nAccord is running at ${server.url}\n`)
  if (server.setupUrl) {
    process.stdout.write(
      `No accounts yet. Open this one-time link to create the secretariat account:\n  ${server.setupUrl}\n\n`,
    )
  }
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down: saving every open document')
    server.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  collectStartupGarbage()
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Accord could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  )
  process.exit(1)
})
