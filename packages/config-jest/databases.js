/**
 * The databases a storage test runs against: always SQLite, and MariaDB when the global setup found it.
 * @returns {Array<'sqlite' | 'mariadb'>}
 */
function testDatabases() {
  return process.env.DR_MARIADB === 'available' ? ['sqlite', 'mariadb'] : ['sqlite'];
}
module.exports = { testDatabases };
