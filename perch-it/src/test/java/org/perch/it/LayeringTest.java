package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pure layers may not use transports, SQL or HTTP (ARCHITECTURE D3/D4, STYLE 6.2). The Maven enforcer
 * bans such dependencies; this test also catches the JDK's own {@code java.sql} and {@code java.net.http}.
 */
class LayeringTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(io\\.netty|java\\.sql|javax\\.sql|java\\.net\\.http|com\\.sun\\.net\\.httpserver"
                    + "|org\\.h2|org\\.postgresql|org\\.flywaydb)\\.", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"perch-core", "perch-store-api", "perch-domain", "perch-xmpp", "perch-chat-data",
        "perch-compliance", "perch-webclient"})
    @DisplayName("pure modules import no Netty, JDBC or HTTP classes")
    void pureModulesShouldNotImportTransportsSqlOrHttp(String module) throws IOException {
        Path sources = Path.of("..", module, "src", "main", "java");
        assertThat(sources).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (FORBIDDEN.matcher(Files.readString(f)).find()) {
                    offenders.add(sources.relativize(f).toString());
                }
            }
        }
        assertThat(offenders).as("files in %s importing forbidden packages", module).isEmpty();
    }

    @Test
    @DisplayName("the admin API works through the domain: no SQL, Netty or XMPP classes")
    void theAdminApiShouldOnlyUseTheDomain() throws IOException {
        Pattern forbidden = Pattern.compile("^import\\s+(static\\s+)?(io\\.netty|java\\.sql|javax\\.sql|org\\.h2"
                + "|org\\.postgresql|org\\.flywaydb|org\\.perch\\.xmpp|org\\.perch\\.store\\.jdbc)\\.",
                Pattern.MULTILINE);
        Path sources = Path.of("..", "perch-admin", "src", "main", "java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(forbidden.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("the room management page works through the domain: no SQL, Netty, XMPP or server classes")
    void theRoomManagementPageShouldOnlyUseTheDomainAndTheAdminApisPlumbing() throws IOException {
        Pattern forbidden = Pattern.compile("^import\\s+(static\\s+)?(io\\.netty|java\\.sql|javax\\.sql|org\\.h2"
                + "|org\\.postgresql|org\\.flywaydb|org\\.perch\\.xmpp|org\\.perch\\.store\\.jdbc"
                + "|org\\.perch\\.server)\\.", Pattern.MULTILINE);
        Path sources = Path.of("..", "perch-web", "src", "main", "java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(forbidden.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
            }
        }
    }
}
