/**
 * Jest globalSetup: is MariaDB/MySQL reachable (MYSQL_HOST/PORT/USER/PASSWORD, default root@127.0.0.1:3306)?
 * The answer goes to the test workers in DR_MARIADB. In CI (CI=true) a missing server fails the run;
 * elsewhere the MySQL suites are left out with a loud message.
 */
module.exports = async function probeMariadb() {
  if (process.env.DR_MARIADB) return;
  const mysql = require('mysql2/promise');
  try {
    const connection = await mysql.createConnection({
      host: process.env.MYSQL_HOST || '127.0.0.1',
      port: Number(process.env.MYSQL_PORT || 3306),
      user: process.env.MYSQL_USER || 'root',
      password: process.env.MYSQL_PASSWORD || '',
      connectTimeout: 3000,
    });
    await connection.query('SELECT 1');
    await connection.end();
    process.env.DR_MARIADB = 'available';
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`MariaDB is required in CI but is not reachable: ${error.message}`);
    }
    process.env.DR_MARIADB = 'missing';
    const line = '!'.repeat(100);
    console.warn(`\n${line}\n!! MariaDB is not reachable (${error.message}).\n!! The MySQL/MariaDB suites are LEFT OUT of this run. Start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\n${line}\n`);
  }
};
