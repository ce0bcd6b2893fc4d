package org.perch.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
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
import org.perch.store.chat.Room;

/**
 * What a crash leaves: the database file as it stands the moment a write returns, copied while the store still
 * has it open, must already hold that write. (H2 left to itself writes committed changes up to half a second
 * later.)
 */
class H2DurabilityTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path crashed;

    @Test
    void everyWriteShouldBeInTheFileWhenTheCallReturns() throws IOException {
        Jid alice = Jid.of("alice@example.org");
        Category category = Category.named("Durable");
        Room room = Room.create("durable", category.id(), "Durable room");
        try (Store store = H2Store.open(dataDir)) {
            store.accounts().create(SecondProcess.account(alice));
            store.categories().create(category);
            store.rooms().create(room);
            store.history().append(List.of(new PostedMessage(room.id(), "m-1", Instant.parse("2026-12-02T08:00:00Z"),
                    alice, "Alice", "kept", "<message type='groupchat'><body>kept</body></message>")));
            copyFilesAsTheyAre(dataDir.resolve("store"), crashed.resolve("store"));
        }

        try (Store afterCrash = H2Store.open(crashed)) {
            assertThat(afterCrash.accounts().find(alice)).isPresent();
            assertThat(afterCrash.rooms().findByAddress("durable")).isPresent();
            assertThat(afterCrash.history().find(room.id(), "m-1")).map(ChatMessage::body).hasValue("kept");
        }
    }

    /** The database and its credentials; not H2's lock file, which belongs to the running process. */
    private static void copyFilesAsTheyAre(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(from.resolve("perch.mv.db"), to.resolve("perch.mv.db"));
        Files.copy(from.resolve("credentials"), to.resolve("credentials"));
    }
}
