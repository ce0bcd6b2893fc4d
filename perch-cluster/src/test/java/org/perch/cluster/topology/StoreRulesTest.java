package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.cluster.topology.Documents.VALID;
import static org.perch.cluster.topology.Documents.at;
import static org.perch.cluster.topology.Documents.problems;
import static org.perch.cluster.topology.Documents.replace;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each store and file store on its own. */
class StoreRulesTest {

    private static final String CHAT_A_DR_URL = "\"jdbc:postgresql://db9.example.org/perch\"";

    @Test
    @DisplayName("a postgresql url is jdbc:postgresql://host[:port]/database, and says what is wrong with it")
    void aPostgresUrlShouldHaveHostAndDatabase() {
        String noDatabase = replace(VALID, CHAT_A_DR_URL, "\"jdbc:postgresql://db9.example.org\"");
        String badPort = replace(VALID, CHAT_A_DR_URL, "\"jdbc:postgresql://db9.example.org:5432x/perch\"");
        String mysql = replace(VALID, CHAT_A_DR_URL, "\"jdbc:mysql://db9.example.org/perch\"");

        assertThat(problems(noDatabase)).containsExactly(at(noDatabase, "\"jdbc:postgresql://db9.example.org\"")
                + ": error: stores.chat-a-dr.url: url 'jdbc:postgresql://db9.example.org' is not a PostgreSQL JDBC"
                + " URL: no /database after the host; expected jdbc:postgresql://host[:port]/database");
        assertThat(problems(badPort)).singleElement().asString().endsWith("url"
                + " 'jdbc:postgresql://db9.example.org:5432x/perch' is not a PostgreSQL JDBC URL: port '5432x' is not"
                + " a number from 1 to 65535; expected jdbc:postgresql://host[:port]/database");
        assertThat(problems(mysql)).singleElement().asString().contains("it does not start with jdbc:postgresql://");
    }

    @Test
    @DisplayName("a password is never in the file, and never repeated in a message")
    void aPasswordShouldNeverBeInTheFileNorInAMessage() {
        String inUrl = replace(VALID, CHAT_A_DR_URL, "\"jdbc:postgresql://db9.example.org/perch?user=perch"
                + "&password=hunter2\"");
        String asFile = replace(VALID, "\"/etc/perch/chat-a-dr.password\"", "\"hunter2\"");

        assertThat(problems(inUrl)).containsExactly(at(inUrl, "\"jdbc:postgresql://db9") + ": error:"
                + " stores.chat-a-dr.url: url carries credentials (a password parameter or user:password@); the"
                + " password goes in the file passwordFile names, never in the topology (the url is not repeated"
                + " here)");
        assertThat(problems(asFile)).containsExactly(at(asFile, "\"hunter2\"") + ": error:"
                + " stores.chat-a-dr.passwordFile: passwordFile must be an absolute path (starting with /) to the file"
                + " that holds the password; the value is not repeated here, in case it is the password itself");
        assertThat(problems(replace(VALID, "//db9.example.org/", "//perch:hunter2@db9.example.org/")))
                .singleElement().asString().contains("url carries credentials").doesNotContain("hunter2");
    }

    @Test
    @DisplayName("a postgresql store names its user")
    void aPostgresStoreShouldNameItsUser() {
        String document = replace(VALID, "\"user\": \"auditor\"", "\"user\": \" \"");

        assertThat(problems(document)).containsExactly(at(document, "\" \"") + ": error: stores.compliance.user: user"
                + " is empty: expected the database user the servers log in as");
    }

    @Test
    @DisplayName("an embedded store's dataDir and a file store's path are absolute")
    void directoriesShouldBeAbsolute() {
        String document = replace(VALID, "\"/srv/perch/files\"", "\"srv/perch/files\"");
        document = replace(document, "\"stores\": {", "\"stores\": {\n    \"lab\": {\"kind\": \"embedded\","
                + " \"dataDir\": \"./perch-data\"},");

        assertThat(problems(document)).containsExactly(
                at(document, "{\"kind\": \"embedded\"") + ": warning: stores.lab: store 'lab' is not used by any"
                        + " pool",
                at(document, "\"./perch-data\"") + ": error: stores.lab.dataDir: dataDir './perch-data' must be an"
                        + " absolute path, starting with /",
                at(document, "\"srv/perch/files\"") + ": error: fileStores.files-a.path: path 'srv/perch/files' must"
                        + " be an absolute path, starting with /");
    }

    @Test
    @DisplayName("store names are lowercase words, and a store no pool uses is a warning")
    void storeNamesShouldBeWellFormedAndStoresUsed() {
        String document = replace(VALID, "\"stores\": {", "\"stores\": {\n    \"Spare DB\": {\"kind\": \"embedded\","
                + " \"dataDir\": \"/var/lib/spare\"},");

        assertThat(problems(document)).containsExactly(
                at(document, "\"Spare DB\"") + ": error: stores[\"Spare DB\"]: store name 'Spare DB' must be 1 to 63"
                        + " lowercase letters, digits and hyphens",
                at(document, "{\"kind\": \"embedded\"") + ": warning: stores[\"Spare DB\"]: store 'Spare DB' is not"
                        + " used by any pool");
    }
}
