package org.perch.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is generated from {@link ConfigKeys}; this keeps the two equal. */
class ReadmeConfigTableTest {

    private static final String START = "<!-- config-table:start -->\n";
    private static final String END = "<!-- config-table:end -->";

    @Test
    void readmeConfigurationTableShouldEqualTheGeneratedTable() throws IOException {
        String readme = Files.readString(findReadme());
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the marker " + START.strip()).isNotNegative();
        assertThat(end).as("README has the marker " + END).isGreaterThan(start);

        assertThat(readme.substring(start + START.length(), end))
                .as("README configuration table; regenerate it with `perch config keys`")
                .isEqualTo(ConfigKeys.markdownTable());
    }

    @Test
    void theTableShouldListEveryKeyOnce() {
        String table = ConfigKeys.markdownTable();
        for (ConfigKey key : ConfigKeys.all()) {
            assertThat(table).containsOnlyOnce("| `" + key.name() + "` |");
        }
        assertThat(table.lines()).hasSize(ConfigKeys.all().size() + 2);
    }

    /** Surefire runs in the module directory; the README is at the repository root, beside {@code mvnw}. */
    private static Path findReadme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("README.md");
    }
}
