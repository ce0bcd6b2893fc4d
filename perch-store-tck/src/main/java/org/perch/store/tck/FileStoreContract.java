package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.files.FileStore;
import org.perch.store.files.SharedFile;

/** What every {@link FileStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface FileStoreContract {

    Instant T0 = Instant.parse("2026-11-30T10:15:30.123456789Z");
    Jid ALICE = Jid.of("alice@example.org");

    StoreFixture fixture();

    @AfterEach
    default void closeFileStoreFixture() {
        fixture().close();
    }

    private FileStore files() {
        return fixture().store().files();
    }

    private static SharedFile file(String id, Instant created) {
        return SharedFile.granted(id, ALICE, "report ü.pdf", 12_345, "application/pdf", created);
    }

    @Test
    default void anAddedFileShouldBeFoundExactlyAsGranted() {
        SharedFile granted = SharedFile.granted("f1", Jid.of("alice@example.org/phone"), "Straße ☕.txt", 1L << 40,
                "text/plain; charset=utf-8", T0);

        assertThat(files().add(granted)).isTrue();

        assertThat(files().find("f1")).contains(granted);
        assertThat(files().find("f1").orElseThrow().owner()).isEqualTo(ALICE);
        assertThat(files().find("f2")).isEmpty();
    }

    @Test
    default void aTakenIdShouldBeRefused() {
        files().add(file("f1", T0));

        assertThat(files().add(SharedFile.granted("f1", Jid.of("bob@example.org"), "other", 1, "text/plain", T0)))
                .isFalse();
        assertThat(files().find("f1").orElseThrow().owner()).isEqualTo(ALICE);
    }

    @Test
    default void aFileShouldBePostedOnceAndBelongToTheFirstRoom() {
        files().add(file("f1", T0));
        RoomId first = RoomId.random();
        Instant at = T0.plusSeconds(60).plusNanos(7);

        assertThat(files().post("f1", first, at)).isTrue();
        assertThat(files().post("f1", RoomId.random(), at.plusSeconds(1))).isFalse();
        assertThat(files().post("ghost", first, at)).isFalse();

        SharedFile posted = files().find("f1").orElseThrow();
        assertThat(posted.room()).contains(first);
        assertThat(posted.posted()).contains(at);
        assertThat(posted).isEqualTo(file("f1", T0).postedIn(first, at));
    }

    @Test
    default void unpostedBeforeShouldListOnlyOldUnpostedFilesOldestFirst() {
        files().add(file("new", T0));
        files().add(file("old", T0.minusSeconds(7200)));
        files().add(file("older", T0.minusSeconds(9000)));
        files().add(file("same-second-later", T0.minusSeconds(3600).plusNanos(500)));
        files().add(file("posted", T0.minusSeconds(9999)));
        files().post("posted", RoomId.random(), T0);

        assertThat(files().unpostedBefore(T0.minusSeconds(3600).plusNanos(100), 10)).extracting(SharedFile::id)
                .containsExactly("older", "old");
        assertThat(files().unpostedBefore(T0.minusSeconds(3600).plusNanos(100), 1)).extracting(SharedFile::id)
                .containsExactly("older");
    }

    @Test
    default void deleteUnpostedShouldRemoveAnEntryNeverPostedAndKeepAPostedOne() {
        files().add(file("f1", T0));
        files().add(file("posted", T0));
        files().post("posted", RoomId.random(), T0);

        assertThat(files().deleteUnposted("f1")).isTrue();
        assertThat(files().deleteUnposted("f1")).isFalse();
        assertThat(files().find("f1")).isEmpty();
        assertThat(files().deleteUnposted("posted")).isFalse();
        assertThat(files().find("posted")).isPresent();
    }

    @Test
    default void theFirstSigningKeyOfferedShouldBeKeptForEveryLaterCaller() {
        byte[] first = {1, 2, 3, (byte) 0xFF};

        assertThat(files().signingKey(first)).containsExactly(first);
        assertThat(files().signingKey(new byte[] {9, 9})).containsExactly(first);
    }

    @Test
    default void filesAndTheKeyShouldSurviveAReopen() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).isTrue();
        files().add(file("f1", T0));
        files().post("f1", new RoomId(new java.util.UUID(1, 2)), T0);
        files().signingKey(new byte[] {4, 2});

        fixture().reopen();

        assertThat(files().find("f1").orElseThrow().room()).contains(new RoomId(new java.util.UUID(1, 2)));
        assertThat(files().signingKey(new byte[] {0})).containsExactly(4, 2);
    }

    @Test
    default void aPostInAFailedBlockShouldNotStay() {
        assumeThat(fixture().has(StoreCapability.TRANSACTIONAL)).isTrue();
        files().add(file("f1", T0));

        assertThatThrownBy(() -> fixture().store().atomically(() -> {
            files().post("f1", RoomId.random(), T0);
            throw new IllegalStateException("the message was not stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(files().find("f1").orElseThrow().room()).isEqualTo(Optional.empty());
    }
}
