package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The example docs/topology.md opens with is a topology that may be published, as the page says. */
class DocumentedExampleTest {

    /** Surefire runs in the module directory; docs/ is at the repository root. */
    private static final Path PAGE = Path.of("..", "docs", "topology.md");

    @Test
    @DisplayName("docs/topology.md: the example is valid, without a warning")
    void theDocumentedExampleShouldBeValid() throws IOException {
        Matcher example = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        assertThat(example.find()).as("docs/topology.md has a ```json example").isTrue();

        TopologyReport report = TopologyReport.check(example.group(1), "docs/topology.md example");

        assertThat(report.problems()).isEmpty();
        assertThat(report.topology().orElseThrow().pools()).extracting(PoolDefinition::name).containsExactly("pool-a");
    }
}
