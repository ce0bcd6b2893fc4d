package org.perch.chatdata;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.Addin;
import org.perch.store.chat.Category;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.Room;

/**
 * What the lines read so far declared, so that a later line's references can be checked (a room names a category
 * before it, a message a room) and that nothing is declared twice. Holds names, ids and counts, never history.
 */
final class Catalog {

    private final DataHeader header;
    private final StanzaIdCheck stanzaIds;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Set<UUID> ids = new HashSet<>();
    private final Map<String, CategoryId> categories = new HashMap<>();
    private final Map<String, String> addins = new HashMap<>();
    private final Set<String> roomNames = new HashSet<>();
    private final Map<String, RoomId> rooms = new HashMap<>();
    private final Set<String> policies = new HashSet<>();
    private final Set<Jid> granted = new LinkedHashSet<>();
    private int lastKind;

    Catalog(DataHeader header, StanzaIdCheck stanzaIds) {
        this.header = header;
        this.stanzaIds = stanzaIds;
        DataFormat.KINDS.forEach(kind -> counts.put(kind.type(), 0L));
    }

    DataHeader header() {
        return header;
    }

    StanzaIdCheck stanzaIds() {
        return stanzaIds;
    }

    /** Records in the file so far, by type, in the file's order of kinds. */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Counts the line and refuses it if it comes out of the file's order of kinds. */
    void enter(RecordKind<?> kind, LineFields fields) {
        int rank = DataFormat.KINDS.indexOf(kind);
        if (rank < lastKind) {
            throw fields.error("type", "a " + kind.type() + " line after " + DataFormat.KINDS.get(lastKind).type()
                    + " lines; the kinds come in the order " + DataFormat.types());
        }
        lastKind = rank;
        counts.merge(kind.type(), 1L, Long::sum);
    }

    long count(RecordKind<?> kind) {
        return counts.get(kind.type());
    }

    void category(Category category, LineFields fields) {
        unique(category.id().value(), fields);
        if (categories.putIfAbsent(ExportSource.key(category.name()), category.id()) != null) {
            throw fields.error("name", "a category named '" + category.name() + "' comes earlier in the file");
        }
    }

    Optional<CategoryId> categoryNamed(String name) {
        return Optional.ofNullable(categories.get(ExportSource.key(name)));
    }

    void addin(Addin addin, LineFields fields) {
        unique(addin.id(), fields);
        if (addins.putIfAbsent(ExportSource.key(addin.name()), addin.name()) != null) {
            throw fields.error("name", "an add-in named '" + addin.name() + "' comes earlier in the file");
        }
    }

    /** The add-in's name as registered, for a name in any case. */
    Optional<String> addinNamed(String name) {
        return Optional.ofNullable(addins.get(ExportSource.key(name)));
    }

    void room(Room room, LineFields fields) {
        unique(room.id().value(), fields);
        if (rooms.containsKey(room.address())) {
            throw fields.error("address", "a room at '" + room.address() + "' comes earlier in the file");
        }
        if (!roomNames.add(ExportSource.key(room.name()))) {
            throw fields.error("name", "a room named '" + room.name() + "' comes earlier in the file");
        }
        rooms.put(room.address(), room.id());
    }

    Optional<RoomId> roomAt(String address) {
        return Optional.ofNullable(rooms.get(address));
    }

    void policy(PolicyIdentity identity, LineFields fields) {
        if (!policies.add(identity.key())) {
            throw fields.error("identity", "policy '" + identity + "' comes earlier in the file");
        }
    }

    boolean hasPolicy(PolicyIdentity identity) {
        return policies.contains(identity.key());
    }

    void grant(Jid user, LineFields fields) {
        if (!granted.add(user)) {
            throw fields.error("user", user + " is granted a policy on an earlier line");
        }
    }

    /** The accounts the file grants policies to, which the store must have before an import. */
    Set<Jid> grantedAccounts() {
        return Set.copyOf(granted);
    }

    /** Ids are UUIDs: one taken by two lines, of whatever kind, is a hand-made mistake. */
    private void unique(UUID id, LineFields fields) {
        if (!ids.add(id)) {
            throw fields.error("id", id + " is the id of an earlier line");
        }
    }
}
