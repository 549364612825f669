#!/usr/bin/env node
import { join } from 'node:path';
import { REPO_ROOT } from './services';
import { startPlatform } from './platform';

/**
 * `npm start`: the whole platform on the default ports, on SQLite in `.data/` unless DB_CLIENT says
 * mariadb. Prints the URLs once everything answers its health check; Ctrl-C stops it all.
 */
async function main(): Promise<void> {
  const platform = await startPlatform({ web: true, ports: 'default', dataDir: process.env.SQLITE_DIR ?? join(REPO_ROOT, '.data'), output: 'inherit', mysqlDatabasePrefix: process.env.MYSQL_DATABASE_PREFIX ?? 'dr_' });
  const lines = [
    '',
    '卫东区部门联合“双随机、一公开”监管平台 is running (DEMO data):',
    `  Shell (web UI)     ${platform.urls.shell}`,
    `  GraphQL gateway    ${platform.urls.gateway}`,
    `  Gateway health     http://localhost:${platform.ports.gateway}/health`,
    `  Subgraphs          office ${platform.urls.graphql.office}, culture ${platform.urls.graphql.culture}, market ${platform.urls.graphql.market}, fire ${platform.urls.graphql.fire}`,
    `  Department remotes culture http://localhost:${platform.ports['web-culture']}, market http://localhost:${platform.ports['web-market']}, fire http://localhost:${platform.ports['web-fire']}`,
    '  Demo logins: see README.md (e.g. office / Demo@2022). Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    platform.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
