package org.perch.store.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.perch.core.Jid;
import org.perch.store.Roster;
import org.perch.store.RosterItem;
import org.perch.store.RosterStore;

/**
 * Rosters in a concurrent map of immutable {@link Roster}s. Each change is one {@code compute} on the owner's
 * entry, so changes to one roster are serialised and its versions never repeat.
 */
final class InMemoryRosterStore implements RosterStore {

    private static final Roster EMPTY = new Roster(0, List.of());
    private static final Comparator<RosterItem> BY_CONTACT = Comparator.comparing(i -> i.jid().toString());

    private final Map<Jid, Roster> rosters = new ConcurrentHashMap<>();

    @Override
    public Roster roster(Jid owner) {
        return rosters.getOrDefault(owner, EMPTY);
    }

    @Override
    public long put(Jid owner, RosterItem item) {
        return rosters.compute(owner, (o, old) -> {
            Roster current = old == null ? EMPTY : old;
            List<RosterItem> items = new ArrayList<>(current.items());
            items.removeIf(i -> i.jid().equals(item.jid()));
            items.add(item);
            items.sort(BY_CONTACT);
            return new Roster(current.version() + 1, items);
        }).version();
    }

    @Override
    public long remove(Jid owner, Jid contact) {
        Roster result = rosters.computeIfPresent(owner, (o, current) -> {
            if (current.item(contact).isEmpty()) {
                return current;
            }
            List<RosterItem> items = new ArrayList<>(current.items());
            items.removeIf(i -> i.jid().equals(contact));
            return new Roster(current.version() + 1, items);
        });
        return result == null ? 0 : result.version();
    }

    /** Forgets the owner's roster; called when the owner's account is deleted. */
    void removeOwner(Jid owner) {
        rosters.remove(owner);
    }
}
