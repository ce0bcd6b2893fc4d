/**
 * The embedded store: a {@link org.perch.store.jdbc.JdbcStore} over an H2 file database in the server's data
 * directory, shareable with a second local process (the {@code perch} CLI) through H2's loopback-only
 * automatic server.
 */
package org.perch.store.h2;
