/**
 * The JDBC store: account, roster, category, room and history stores over any {@link javax.sql.DataSource}
 * whose database understands the portable SQL of the Flyway migrations in {@code db/perch} (H2 and
 * PostgreSQL). No dialect logic here; a backend module (perch-store-h2, perch-store-postgres) supplies
 * the data source.
 */
package org.perch.store.jdbc;
