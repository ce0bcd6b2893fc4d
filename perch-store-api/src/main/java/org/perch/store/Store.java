package org.perch.store;

import org.perch.store.chat.AddinStore;
import org.perch.store.chat.CategoryStore;
import org.perch.store.chat.ConfigurationStore;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PolicyStore;
import org.perch.store.chat.RoomStore;

/**
 * One opened store: the entry point a backend hands to the rest of the server. Closing it releases its files
 * and connections; data written before close survives a restart.
 */
public interface Store extends AutoCloseable {

    AccountStore accounts();

    RosterStore rosters();

    CategoryStore categories();

    RoomStore rooms();

    HistoryStore history();

    AddinStore addins();

    ConfigurationStore configuration();

    PolicyStore policies();

    @Override
    void close();
}
