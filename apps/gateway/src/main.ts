import { closeOnSignals, createLogger, runMain } from '@dr/subgraph-kit';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

runMain('gateway', async () => {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const app = await createGateway(config, logger);
  const { url } = await app.listen(config.PORT, config.HOST);
  logger.info({ url }, 'gateway ready');
  closeOnSignals(logger, () => app.close());
});
