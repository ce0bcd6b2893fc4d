package org.perch.domain.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.files.FilesFixture.CAROL;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep of files never posted (ADR 0007): a day after its slot was granted, a file nobody posted is gone from the
 * disk and from the catalogue; a posted file stays however old it is.
 */
class FileSharingSweepTest {

    private static final Duration DAY = FileSettings.DEFAULT_UNPOSTED_LIFETIME;
    private static final byte[] BYTES = "minutes of the meeting".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    FilesFixture f;

    @BeforeEach
    void setUp() {
        f = new FilesFixture(dir);
    }

    @Test
    void aFileNeverPostedShouldBeDeletedFromDiskAndCatalogueADayAfterItsSlot() throws Exception {
        FileSlot slot = f.uploaded(BYTES);
        assertThat(f.onDisk()).containsExactly(slot.id());

        f.clock.advance(DAY.plusSeconds(1));

        assertThat(f.files.sweep()).isEqualTo(1);
        assertThat(f.onDisk()).isEmpty();
        assertThat(f.store.files().find(slot.id())).isEmpty();
    }

    @Test
    void aFileNeverPostedShouldBeKeptForItsFirstDay() throws Exception {
        FileSlot slot = f.uploaded(BYTES);

        f.clock.advance(DAY.minusSeconds(1));

        assertThat(f.files.sweep()).isZero();
        assertThat(f.onDisk()).containsExactly(slot.id());
        assertThat(f.store.files().find(slot.id())).isPresent();
        // Still the owner's to post: a day less a second is not a day.
        assertThat(f.files.postable(CAROL, slot.getUrl())).hasSize(1);
    }

    @Test
    void aPostedFileShouldBeKeptHoweverOld() throws Exception {
        FileSlot posted = f.uploaded(BYTES);
        FileSlot forgotten = f.uploaded(BYTES);
        f.files.postWithoutHistory(f.room.id(), CAROL, "the minutes: " + posted.getUrl());

        f.clock.advance(Duration.ofDays(30));

        assertThat(f.files.sweep()).isEqualTo(1);
        assertThat(f.onDisk()).containsExactly(posted.id());
        assertThat(f.store.files().find(posted.id()).orElseThrow().room()).contains(f.room.id());
        assertThat(f.store.files().find(forgotten.id())).isEmpty();
    }

    @Test
    void aSlotNeverUsedShouldLeaveTheCatalogueADayLater() {
        FileSlot slot = f.slot(10);

        f.clock.advance(DAY.plusSeconds(1));

        assertThat(f.files.sweep()).isEqualTo(1);
        assertThat(f.store.files().find(slot.id())).isEmpty();
    }

    @Test
    void anUploadCutShortShouldLeaveNoPartialFileADayLater() throws Exception {
        // A server stopped mid-upload leaves <id>.part, and nothing in its memory to delete it with.
        FileSlot slot = f.slot(BYTES.length);
        FileUpload upload = f.files.startUpload(slot.id(), FilesFixture.token(slot), BYTES.length, FilesFixture.TYPE);
        upload.write(ByteBuffer.wrap(BYTES, 0, 5));
        assertThat(f.onDisk()).containsExactly(slot.id() + ".part");

        f.clock.advance(DAY.plusSeconds(1));

        assertThat(f.files.sweep()).isEqualTo(1);
        assertThat(f.onDisk()).isEmpty();
        assertThat(f.store.files().find(slot.id())).isEmpty();
    }

    @Test
    void manyForgottenFilesShouldAllGoInOneSweep() {
        for (int i = 0; i < 1_201; i++) {
            f.slot(1);
        }
        f.clock.advance(DAY.plusSeconds(1));

        assertThat(f.files.sweep()).isEqualTo(1_201);
        assertThat(f.store.files().unpostedBefore(f.clock.instant(), 10)).isEmpty();
    }
}
