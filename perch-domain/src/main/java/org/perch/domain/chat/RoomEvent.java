package org.perch.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;

/** A change to a room, its history or a category, told after it is stored. */
public sealed interface RoomEvent {

    record RoomCreated(Room room) implements RoomEvent {
        public RoomCreated {
            Objects.requireNonNull(room, "room");
        }
    }

    /** Settings, roles, name or category changed (a purge after a category change included). */
    record RoomChanged(Room before, Room after) implements RoomEvent {
        public RoomChanged {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /** The room is gone, with its history. */
    record RoomDeleted(Room room) implements RoomEvent {
        public RoomDeleted {
            Objects.requireNonNull(room, "room");
        }
    }

    /** A message became a tombstone (XEP-0424 or XEP-0425): its text must leave search too. */
    record MessageRetracted(Room room, ChatMessage tombstone) implements RoomEvent {
        public MessageRetracted {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(tombstone, "tombstone");
        }
    }

    /** Every message up to a moment was deleted (Clear-CsPersistentChatRoom): they must leave search too. */
    record HistoryCleared(Room room, List<String> stanzaIds) implements RoomEvent {
        public HistoryCleared {
            Objects.requireNonNull(room, "room");
            stanzaIds = List.copyOf(stanzaIds);
        }
    }

    /**
     * The administrator removed messages (Remove-CsPersistentChatMessage): replaced by tombstones carrying
     * {@code replacement}, or, without one, deleted. They must leave search, and occupants are told.
     */
    record MessagesRemoved(Room room, List<String> stanzaIds, Optional<String> replacement) implements RoomEvent {
        public MessagesRemoved {
            Objects.requireNonNull(room, "room");
            stanzaIds = List.copyOf(stanzaIds);
            Objects.requireNonNull(replacement, "replacement");
        }
    }

    record CategoryCreated(Category category) implements RoomEvent {
        public CategoryCreated {
            Objects.requireNonNull(category, "category");
        }
    }

    /** The category changed; the rooms it purged follow as {@link RoomChanged} events. */
    record CategoryChanged(Category before, Category after) implements RoomEvent {
        public CategoryChanged {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    record CategoryDeleted(Category category) implements RoomEvent {
        public CategoryDeleted {
            Objects.requireNonNull(category, "category");
        }
    }

    /**
     * A policy, or a user's grant, changed: who may use Persistent Chat at all may have changed, so every room
     * checks its occupants again.
     */
    record PoliciesChanged() implements RoomEvent {
    }
}
