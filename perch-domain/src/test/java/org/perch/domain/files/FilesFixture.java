package org.perch.domain.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.MutableClock;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.Room;
import org.perch.store.memory.InMemoryStore;

/**
 * File posting over the real in-memory store, a real directory and a clock the test moves: Carol manages the room
 * "desk" in the category Files, which allows files.
 */
final class FilesFixture {

    static final Jid ROOT = Jid.of("root@ops.example.net");
    static final Jid CAROL = Jid.of("carol@example.org");
    static final String TYPE = "text/plain";

    final MutableClock clock = new MutableClock(Instant.now());
    final Store store = new InMemoryStore();
    final ChatRooms chat = new ChatRooms(store, ChatSettings.DEFAULTS, clock, event -> { }, Jid.domainOnly("example.org"));
    final Path directory;
    final FileSharing files;
    final Room room;

    FilesFixture(Path directory) {
        this.directory = directory;
        AccountService accounts = new AccountService(store.accounts(), 4096, new SecureRandom(), clock);
        accounts.add(ROOT, "root password");
        accounts.grantAdmin(ROOT);
        Category category = chat.createCategory(ROOT, Category.named("Files")
                .withAllowedMembers(Set.of(new Principal.Domain("example.org")))
                .withCreators(Set.of(Principal.user(CAROL)))
                .withFlags(CategoryFlags.DEFAULTS.withFileUpload(true)));
        room = chat.createRoom(CAROL, category.id(), "desk", "Desk");
        files = new FileSharing(store, chat, new FileSettings(directory, () -> "https://chat.example.org:5281"), clock,
                new SecureRandom());
    }

    FileSlot slot(long size) {
        return files.requestSlot(CAROL, "notes.txt", size, Optional.of(TYPE));
    }

    /** The PUT URL's token. */
    static String token(FileSlot slot) {
        return slot.putUrl().substring(slot.putUrl().indexOf("?t=") + 3);
    }

    /** Grants a slot and uploads {@code bytes} to it. */
    FileSlot uploaded(byte[] bytes) throws IOException {
        FileSlot slot = slot(bytes.length);
        FileUpload upload = files.startUpload(slot.id(), token(slot), bytes.length, TYPE);
        upload.write(ByteBuffer.wrap(bytes));
        upload.finish();
        return slot;
    }

    /** The names in the file store directory. */
    List<String> onDisk() {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
