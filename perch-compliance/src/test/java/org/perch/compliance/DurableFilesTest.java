package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a file is replaced whole; a failed write leaves the earlier file and no temporary file")
    void writesShouldBeAllOrNothing() throws IOException {
        Path file = dir.resolve("out.xml");
        DurableFiles.write(file, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        DurableFiles.write(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertThat(file).hasContent("second");

        assertThatThrownBy(() -> DurableFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(file).hasContent("second");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
