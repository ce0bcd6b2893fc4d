package org.perch.domain.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.Room;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRoom;

/**
 * Writes the compliance record's events into the chat store's outbox (spec §10, ARCHITECTURE D6), while compliance
 * is on. A change's events are written inside the change's own {@link Store#atomically} block, so an event exists
 * exactly when its change committed; joins and parts, which change nothing stored, are written on their own.
 * Off until turned on, as in Lync; while off it writes nothing and costs a volatile read.
 */
public final class ComplianceCapture {

    private final Store store;
    private final Clock clock;
    private volatile boolean enabled;
    /**
     * The rooms messages are posted in, as events name them: one store read per room, not per message (the writer
     * of history is the message path's one thread). {@link ChatRooms} drops a room once a change to it commits.
     */
    private final Map<RoomId, ComplianceRoom> rooms = new ConcurrentHashMap<>();

    public ComplianceCapture(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public boolean enabled() {
        return enabled;
    }

    public void enable(boolean on) {
        this.enabled = on;
    }

    /** A user entered the room. */
    public void joined(Jid user, Room room) {
        standalone(ComplianceEventType.JOIN, user, room, "");
    }

    /** A user left the room, or was taken out of it. */
    public void parted(Jid user, Room room) {
        standalone(ComplianceEventType.PART, user, room, "");
    }

    /** A user read the room's history: {@code what} says how (history on join, an archive query, a search). */
    public void readHistory(Jid user, Room room, String what) {
        standalone(ComplianceEventType.BACKCHAT, user, room, what);
    }

    /**
     * A file was posted in the room: written in the block that binds the file to the room (and stores the message
     * posting it, {@code messageId}, when the category keeps history).
     */
    public void fileUploaded(Jid user, RoomId room, Optional<String> messageId, String file) {
        fileEvent(ComplianceEventType.FILE_UPLOAD, user, room, messageId, file);
    }

    /** A reader of the room downloaded a file posted in it. */
    public void fileDownloaded(Jid user, RoomId room, String file) {
        fileEvent(ComplianceEventType.FILE_DOWNLOAD, user, room, Optional.empty(), file);
    }

    private void fileEvent(ComplianceEventType type, Jid user, RoomId id, Optional<String> messageId, String file) {
        if (!enabled) {
            return;
        }
        roomOf(id).ifPresent(room -> store.outbox().add(List.of(new ComplianceEvent(ComplianceEvent.newId(), type,
                clock.instant(), user, Optional.of(room), messageId, file))));
    }

    /** Posted messages, written in the block that stores them. */
    void posted(List<ChatMessage> messages) {
        if (!enabled) {
            return;
        }
        List<ComplianceEvent> events = new ArrayList<>();
        for (ChatMessage m : messages) {
            roomOf(m.room()).ifPresent(room -> events.add(new ComplianceEvent(ComplianceEvent.newId(),
                    ComplianceEventType.CHAT, m.timestamp(), m.sender(), Optional.of(room),
                    Optional.of(m.stanzaId()), m.body())));
        }
        store.outbox().add(events);
    }

    /** The room as events name it; read from the store once, until a change to it commits. */
    private Optional<ComplianceRoom> roomOf(RoomId id) {
        ComplianceRoom known = rooms.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ComplianceRoom> found = store.rooms().find(id).map(ComplianceCapture::of);
        found.ifPresent(room -> rooms.put(id, room));
        return found;
    }

    /** A change committed: a room it changed or deleted is read again next time. */
    void committed(RoomEvent event) {
        switch (event) {
            case RoomEvent.RoomChanged c -> rooms.remove(c.after().id());
            case RoomEvent.RoomDeleted d -> rooms.remove(d.room().id());
            default -> { }
        }
    }

    /** A message turned into a tombstone by its author, a manager or an administrator. */
    void retracted(Room room, ChatMessage tombstone) {
        if (!enabled) {
            return;
        }
        Retraction r = tombstone.retraction().orElseThrow();
        store.outbox().add(List.of(new ComplianceEvent(ComplianceEvent.newId(), ComplianceEventType.CHAT_REMOVED, r.at(),
                r.by(), Optional.of(of(room)), Optional.of(tombstone.stanzaId()), r.reason())));
    }

    /** The events a domain change records, written in the change's block; {@code actor} made the change. */
    void changed(Jid actor, RoomEvent event) {
        if (!enabled) {
            return;
        }
        store.outbox().add(eventsOf(actor, event));
    }

    private List<ComplianceEvent> eventsOf(Jid actor, RoomEvent event) {
        return switch (event) {
            case RoomEvent.RoomCreated c -> List.of(room(ComplianceEventType.ROOM_CREATED, actor, c.room(),
                    describe(c.room())));
            case RoomEvent.RoomChanged c -> roomChanges(actor, c.before(), c.after());
            case RoomEvent.RoomDeleted d -> List.of(room(ComplianceEventType.ROOM_DELETED, actor, d.room(), ""));
            case RoomEvent.MessageRetracted r -> List.of();
            case RoomEvent.HistoryCleared h -> List.of(room(ComplianceEventType.CHAT_PURGED, actor, h.room(),
                    "cleared " + h.stanzaIds().size() + " messages"));
            case RoomEvent.MessagesRemoved m -> m.stanzaIds().stream().map(id -> new ComplianceEvent(ComplianceEvent.newId(),
                    m.replacement().isPresent() ? ComplianceEventType.CHAT_REMOVED : ComplianceEventType.CHAT_PURGED,
                    clock.instant(), actor, Optional.of(of(m.room())), Optional.of(id),
                    m.replacement().orElse(""))).toList();
            case RoomEvent.CategoryCreated c -> List.of(category(ComplianceEventType.CATEGORY_CREATED, actor,
                    c.category()));
            case RoomEvent.CategoryChanged c -> List.of(category(ComplianceEventType.CATEGORY_CHANGED, actor,
                    c.after()));
            case RoomEvent.CategoryDeleted d -> List.of(category(ComplianceEventType.CATEGORY_DELETED, actor,
                    d.category()));
            case RoomEvent.PoliciesChanged p -> List.of();
        };
    }

    /** Roles apart from the rest, so that a membership change is its own event, as an auditor looks for it. */
    private List<ComplianceEvent> roomChanges(Jid actor, Room before, Room after) {
        List<ComplianceEvent> events = new ArrayList<>();
        if (!before.withRoles(after.roles()).equals(after)) {
            events.add(room(ComplianceEventType.ROOM_CHANGED, actor, after, describe(after)));
        }
        if (!before.roles().equals(after.roles())) {
            events.add(room(ComplianceEventType.ROLES_CHANGED, actor, after, "members=" + list(after.roles().members())
                    + "; managers=" + list(after.roles().managers()) + "; presenters="
                    + list(after.roles().presenters())));
        }
        return events;
    }

    private void standalone(ComplianceEventType type, Jid user, Room room, String content) {
        if (enabled) {
            store.outbox().add(List.of(room(type, user, room, content)));
        }
    }

    private ComplianceEvent room(ComplianceEventType type, Jid actor, Room room, String content) {
        return new ComplianceEvent(ComplianceEvent.newId(), type, clock.instant(), actor, Optional.of(of(room)),
                Optional.empty(), content);
    }

    private ComplianceEvent category(ComplianceEventType type, Jid actor, Category category) {
        return new ComplianceEvent(ComplianceEvent.newId(), type, clock.instant(), actor, Optional.empty(),
                Optional.empty(), "category=" + category.name() + "; allowed=" + list(category.allowedMembers())
                + "; denied=" + list(category.deniedMembers()) + "; creators=" + list(category.creators()));
    }

    private static String describe(Room room) {
        return "name=" + room.name() + "; category=" + room.category().value() + "; privacy="
                + room.settings().privacy().name().toLowerCase(Locale.ROOT) + "; type="
                + room.settings().type().name().toLowerCase(Locale.ROOT) + "; disabled="
                + room.settings().disabled() + "; description=" + room.description();
    }

    private static String list(Set<Principal> principals) {
        return principals.stream().map(Principal::uri).sorted().collect(Collectors.joining(",", "[", "]"));
    }

    static ComplianceRoom of(Room room) {
        return new ComplianceRoom(room.id(), room.address(), room.name());
    }
}
