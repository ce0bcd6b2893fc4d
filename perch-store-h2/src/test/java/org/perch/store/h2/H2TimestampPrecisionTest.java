package org.perch.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Jid;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.Room;

/** The contract asks for milliseconds; the SQL backends keep microseconds, and say so in what append returns. */
class H2TimestampPrecisionTest {

    @TempDir
    Path dataDir;

    @Test
    void historyShouldKeepMicrosecondsAndReturnFromAppendWhatItKeeps() {
        Instant sent = Instant.parse("2024-05-01T10:15:30.123456789Z");
        Instant retracted = Instant.parse("2024-05-01T11:00:00.000001999Z");
        try (Store store = H2Store.open(dataDir)) {
            Category general = Category.named("General");
            store.categories().create(general);
            Room lobby = Room.create("lobby", general.id(), "Lobby");
            store.rooms().create(lobby);

            ChatMessage stored = store.history().append(List.of(new PostedMessage(lobby.id(), "m1", sent,
                    Jid.of("alice@example.org"), "Alice", "hi", "<message/>"))).getFirst();
            store.history().retract(lobby.id(), "m1", new Retraction(retracted, Jid.of("bob@example.org"), true, ""));

            assertThat(stored.timestamp()).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
            ChatMessage found = store.history().find(lobby.id(), "m1").orElseThrow();
            assertThat(found.timestamp()).isEqualTo(stored.timestamp());
            assertThat(found.retraction().orElseThrow().at()).isEqualTo(Instant.parse("2024-05-01T11:00:00.000001Z"));
        }
    }
}
