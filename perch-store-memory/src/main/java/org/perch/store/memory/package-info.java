/**
 * The in-memory store: the reference implementation of the store interfaces, and the fast fixture for domain
 * and protocol tests. Nothing survives {@code close()}.
 */
package org.perch.store.memory;
