/** The databases a storage test runs against: always SQLite, and MariaDB when the global setup found it. */
export function testDatabases(): Array<'sqlite' | 'mariadb'>;
