package org.perch.domain.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.domain.files.FileException.Reason;
import org.perch.store.files.SharedFile;

/**
 * Uploads that do not match their slot (ADR 0007, "Refused uploads"): each is refused for its first fault and leaves
 * no bytes on disk and the catalogue entry as it was granted, so the file can be neither downloaded nor posted.
 */
class FileSharingUploadTest {

    private static final int SIZE = 1_000;

    @TempDir
    Path dir;
    FilesFixture f;
    FileSlot slot;
    SharedFile granted;

    @BeforeEach
    void setUp() {
        f = new FilesFixture(dir);
        slot = f.slot(SIZE);
        granted = f.store.files().find(slot.id()).orElseThrow();
    }

    private FileUpload start(long length, String type) {
        return f.files.startUpload(slot.id(), FilesFixture.token(slot), length, type);
    }

    private static void refused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FileException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void assertNothingLeft() {
        assertThat(f.onDisk()).isEmpty();
        assertThat(f.store.files().find(slot.id())).contains(granted);
        assertThat(f.files.postable(FilesFixture.CAROL, slot.getUrl())).isEmpty();
    }

    @Test
    void aLengthOverTheSlotsSizeShouldBeTooLargeNamingTheSize() {
        assertThatThrownBy(() -> start(SIZE + 1, FilesFixture.TYPE)).isInstanceOfSatisfying(FileException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.maxBytes()).isEqualTo(SIZE);
        });
        assertNothingLeft();
    }

    @Test
    void aLengthUnderTheSlotsSizeShouldBeInvalid() {
        refused(() -> start(SIZE - 1, FilesFixture.TYPE), Reason.INVALID);
        assertNothingLeft();
    }

    @Test
    void noLengthShouldBeInvalid() {
        refused(() -> start(-1, FilesFixture.TYPE), Reason.INVALID);
        assertNothingLeft();
    }

    @Test
    void anotherContentTypeShouldBeInvalid() {
        refused(() -> start(SIZE, "text/html"), Reason.INVALID);
        refused(() -> start(SIZE, ""), Reason.INVALID);
        assertNothingLeft();
    }

    @Test
    void aSlotPastItsLifetimeShouldBeExpired() {
        f.clock.advance(FileSettings.DEFAULT_SLOT_LIFETIME.plusSeconds(1));
        refused(() -> start(SIZE, FilesFixture.TYPE), Reason.EXPIRED);
        assertNothingLeft();
    }

    @Test
    void aSlotAtTheEndOfItsLifetimeShouldStillTakeItsUpload() throws Exception {
        f.clock.advance(FileSettings.DEFAULT_SLOT_LIFETIME);
        FileUpload upload = start(SIZE, FilesFixture.TYPE);
        upload.write(ByteBuffer.allocate(SIZE));
        upload.finish();
        assertThat(f.onDisk()).containsExactly(slot.id());
    }

    @Test
    void aSlotUsedShouldBeAConflictEvenOnceExpired() throws Exception {
        FileUpload first = start(SIZE, FilesFixture.TYPE);
        first.write(ByteBuffer.allocate(SIZE));
        first.finish();

        refused(() -> start(SIZE, FilesFixture.TYPE), Reason.CONFLICT);
        f.clock.advance(Duration.ofHours(1));
        refused(() -> start(SIZE, FilesFixture.TYPE), Reason.CONFLICT);
        assertThat(f.onDisk()).containsExactly(slot.id());
    }

    @Test
    void aSecondUploadWhileTheFirstIsUnderWayShouldBeAConflict() throws Exception {
        FileUpload first = start(SIZE, FilesFixture.TYPE);
        refused(() -> start(SIZE, FilesFixture.TYPE), Reason.CONFLICT);
        first.write(ByteBuffer.allocate(SIZE));
        first.finish();
        assertThat(f.onDisk()).containsExactly(slot.id());
    }

    @Test
    void aWrongTokenShouldBeNotFoundBeforeAnythingElseIsSaid() throws Exception {
        FileUpload first = start(SIZE, FilesFixture.TYPE);
        first.write(ByteBuffer.allocate(SIZE));
        first.finish();
        FileSlot other = f.slot(SIZE);

        // Used, and the wrong size: a stranger still learns only that there is nothing here.
        refused(() -> f.files.startUpload(slot.id(), FilesFixture.token(other), SIZE + 5, "x/y"), Reason.NOT_FOUND);
        refused(() -> f.files.startUpload(slot.id(), "", SIZE, FilesFixture.TYPE), Reason.NOT_FOUND);
        refused(() -> f.files.startUpload("no-such-file-id-at-all", FilesFixture.token(slot), SIZE,
                FilesFixture.TYPE), Reason.NOT_FOUND);
    }

    @Test
    void aDownloadTokenShouldNotUpload() {
        String download = f.files.forReader(slot.getUrl(), FilesFixture.CAROL);
        String token = download.substring(download.indexOf("&t=") + 3);
        refused(() -> f.files.startUpload(slot.id(), token, SIZE, FilesFixture.TYPE), Reason.NOT_FOUND);
        assertNothingLeft();
    }

    @Test
    void bytesPastTheSlotsSizeShouldBeTooLargeAndTheAbortLeaveNothing() throws Exception {
        FileUpload upload = start(SIZE, FilesFixture.TYPE);
        upload.write(ByteBuffer.allocate(SIZE - 10));
        assertThatThrownBy(() -> upload.write(ByteBuffer.allocate(11))).isInstanceOfSatisfying(FileException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(upload.written()).isEqualTo(SIZE - 10);

        upload.abort();
        assertNothingLeft();
    }

    @Test
    void aBodyEndingShortShouldBeInvalidAndTheAbortLeaveNothing() throws Exception {
        FileUpload upload = start(SIZE, FilesFixture.TYPE);
        upload.write(ByteBuffer.allocate(SIZE - 1));
        refused(upload::finish, Reason.INVALID);

        upload.abort();
        assertNothingLeft();
        // Nothing was used up: the slot takes a whole upload while it lasts.
        FileUpload again = start(SIZE, FilesFixture.TYPE);
        again.write(ByteBuffer.allocate(SIZE));
        again.finish();
        assertThat(f.onDisk()).containsExactly(slot.id());
    }
}
