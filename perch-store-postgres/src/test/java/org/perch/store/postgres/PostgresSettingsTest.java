package org.perch.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresSettingsTest {

    private static final String URL = "jdbc:postgresql://db1.example.org:5432,db2.example.org:5432/perch";

    @TempDir
    Path dir;

    @Test
    void toStringShouldShowWhereButNeverThePassword() {
        PostgresSettings settings = new PostgresSettings(URL, "perch", "s3cret-Pa55");

        assertThat(settings.toString()).contains(URL, "perch", "maximumPoolSize=16")
                .doesNotContain("s3cret-Pa55");
    }

    @Test
    void aUrlOfAnotherKindShouldBeRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> new PostgresSettings("jdbc:h2:file:/data/perch;PASSWORD=hunter2", "perch", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url")
                .hasMessageContaining("jdbc:postgresql://").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://", "perch", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> new PostgresSettings(null, "perch", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
    }

    @Test
    void aUrlCarryingAPasswordShouldBeRefusedSoThatTheUrlCanBeLogged() {
        assertThatThrownBy(() -> new PostgresSettings(URL + "?sslmode=require&password=hunter2", "perch", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url")
                .hasMessageContaining("password parameter").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://perch:hunter2@db1/perch", "perch", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void userPasswordAndPoolSizeShouldBeCheckedNamingTheField() {
        assertThatThrownBy(() -> new PostgresSettings(URL, " ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user");
        assertThatThrownBy(() -> new PostgresSettings(URL, "perch", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> new PostgresSettings(URL, "perch", "x", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumPoolSize")
                .hasMessageContaining("0");
    }

    @Test
    void aPasswordFileShouldGiveItsLineWithoutTheLineBreak() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), "  spaces count  \n");

        PostgresSettings settings = PostgresSettings.withPasswordFile(URL, "perch", file, 4);

        assertThat(settings.password()).isEqualTo("  spaces count  ");
        assertThat(settings.maximumPoolSize()).isEqualTo(4);
    }

    @Test
    void aMissingEmptyOrOddPasswordFileShouldBeNamedButNeverQuoted() throws IOException {
        Path missing = dir.resolve("missing");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path twoLines = Files.writeString(dir.resolve("two-lines"), "hunter2\nhunter3\n");

        assertThatThrownBy(() -> PostgresSettings.withPasswordFile(URL, "perch", missing, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passwordFile " + missing)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> PostgresSettings.withPasswordFile(URL, "perch", dir, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passwordFile " + dir);
        assertThatThrownBy(() -> PostgresSettings.withPasswordFile(URL, "perch", empty, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passwordFile " + empty)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PostgresSettings.withPasswordFile(URL, "perch", twoLines, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passwordFile " + twoLines)
                .hasMessageNotContaining("hunter");
    }
}
