import 'reflect-metadata';
import { loadConfig, privateKeyFrom, runMain, startSubgraph, z } from '@dr/subgraph-kit';
import { buildOfficeSchema } from './schema';
import { createOfficeLoaders } from './loaders';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from './entities';
import { seedOffice } from './seed';
import { drawRoutes } from './draw/draw.routes';

runMain('office', async () => {
  // Only the office holds the private key: it owns the users and signs their tokens.
  const { AUTH_PRIVATE_KEY } = loadConfig(z.object({ AUTH_PRIVATE_KEY: z.string().min(1, 'AUTH_PRIVATE_KEY 未设置：联席办服务需要签发登录令牌的私钥（PEM）') }));
  const signingKey = privateKeyFrom(AUTH_PRIVATE_KEY);
  await startSubgraph({
    name: 'office',
    defaultPort: 4001,
    entities: OFFICE_ENTITIES,
    migrations: OFFICE_MIGRATIONS,
    createLoaders: createOfficeLoaders,
    buildSchema: (dataSource) => buildOfficeSchema(dataSource, signingKey),
    seed: seedOffice,
    routes: (dataSource) => drawRoutes(dataSource),
  });
});
