/**
 * The pool store (like Lync Enterprise Edition): the chat store and the compliance database as
 * {@link org.perch.store.jdbc.JdbcStore} and {@link org.perch.store.jdbc.JdbcComplianceRecord} over PostgreSQL
 * through HikariCP, and a {@link org.perch.store.chat.MessageIndex} in PostgreSQL text search, so that every node
 * of a pool shares them. Entry point: {@link org.perch.store.postgres.PostgresStore}.
 */
package org.perch.store.postgres;
