package org.perch.store;

/**
 * One opened store: the entry point a backend hands to the rest of the server. Closing it releases its files
 * and connections; data written before close survives a restart.
 */
public interface Store extends AutoCloseable {

    AccountStore accounts();

    RosterStore rosters();

    @Override
    void close();
}
