package org.perch.store;

import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;

/** A user's roster and its version (RFC 6121 §2.6); the version grows with every change. */
public record Roster(long version, List<RosterItem> items) {

    public Roster {
        items = List.copyOf(items);
    }

    public Optional<RosterItem> item(Jid contact) {
        return items.stream().filter(i -> i.jid().equals(contact)).findFirst();
    }
}
