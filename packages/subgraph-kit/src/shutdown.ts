import type { Logger } from 'pino';

/**
 * Closes the server gracefully on SIGTERM/SIGINT: stop taking requests, finish those in flight,
 * close the database, exit. A second signal, or a close that hangs past `timeoutMs`, exits at once.
 */
export function closeOnSignals(logger: Logger, close: () => Promise<void>, timeoutMs = 10_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs).unref();
    close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
