package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.cluster.topology.Documents.FILE;
import static org.perch.cluster.topology.Documents.VALID;
import static org.perch.cluster.topology.Documents.at;
import static org.perch.cluster.topology.Documents.line;
import static org.perch.cluster.topology.Documents.replace;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Parsing and validation together: every problem, in file order, and whether the file may be published. */
class TopologyReportTest {

    @Test
    @DisplayName("a file with many problems reports every one of them, parser's and rules' alike, in file order")
    void everyProblemShouldBeReported() {
        String document = replace(VALID, "\"maxActiveServersPerPool\": 4,", "\"maxActiveServersPerPool\": 1,");
        document = replace(document, "\"user\": \"auditor\",", "\"usr\": \"auditor\",");
        document = replace(document, "\"backupStore\": \"chat-a-dr\"", "\"backupStore\": \"nowhere\"");
        document = replace(document, "\"name\": \"fe2\"", "\"name\": \"fe1\"");
        document = replace(document, "[\"zurich.example.org\"]", "[\"chat.example.org\"]");
        document = replace(document, "\"name\": \"zh1\"", "\"name\": \"zh1\",\n          \"weight\": 2");

        TopologyReport report = TopologyReport.check(document, FILE);

        assertThat(report.problems()).map(TopologyProblem::toString).containsExactly(
                at(document, "{\n      \"kind\": \"postgresql\",\n      \"url\": \"jdbc:postgresql://db9")
                        + ": warning: stores.chat-a-dr: store 'chat-a-dr' is not used by any pool",
                at(document, "{\n      \"kind\": \"postgresql\",\n      \"url\": \"jdbc:postgresql://db3")
                        + ": error: stores.compliance.user: missing required key 'user' in a postgresql store (its"
                        + " required keys: kind, url, user, passwordFile)",
                at(document, "\"usr\"") + ": error: stores.compliance.usr: unknown key 'usr' in a postgresql store;"
                        + " did you mean 'user'? (its keys: kind, url, user, passwordFile)",
                // compliance is defined, though unreadable: no pool is told it is unknown.
                at(document, "\"nowhere\"") + ": error: pools[0].backupStore: unknown store 'nowhere' (defined:"
                        + " chat-a, chat-a-dr, chat-b, compliance)",
                at(document, "[\n        {\n          \"name\": \"fe1\"") + ": error: pools[0].servers: pool 'pool-a'"
                        + " has 2 active servers; at most 1 may be active (maxActiveServersPerPool): make the others"
                        + " idle",
                at(document, "\"fe1\",\n          \"host\": \"fe2") + ": error: pools[0].servers[1].name: server name"
                        + " 'fe1' is already taken (pools[0].servers[0], line " + (line(document, "\"fe1.example.org\"")
                        - 2) + "): server names must be unique in the whole topology",
                at(document, "\"chat.example.org\"]") + ": error: pools[1].mucServices[0]: MUC service"
                        + " 'chat.example.org' is already served by pool 'pool-a' (pools[0].mucServices[0], line "
                        + line(document, "[\"chat.example.org\", ") + "): its rooms live in one pool's store, so a MUC"
                        + " service belongs to one pool",
                at(document, "\"weight\"") + ": error: pools[1].servers[0].weight: unknown key 'weight' in a server"
                        + " (its keys: name, host, role, clientPort)");
        assertThat(report.publishable()).isFalse();
        assertThat(report.summary()).isEqualTo(FILE + ": 7 errors, 1 warning; not publishable");
    }

    @Test
    @DisplayName("the summary says whether the file may be published: warnings allow it, errors do not")
    void theSummaryShouldSayWhetherItIsPublishable() {
        TopologyReport clean = TopologyReport.check(VALID, FILE);
        TopologyReport warned = TopologyReport.check(replace(VALID, "\"zurich.example.org\"", "\"chat.example.net\""),
                FILE);
        TopologyReport broken = TopologyReport.check("{", FILE);

        assertThat(clean.publishable()).isTrue();
        assertThat(clean.summary()).isEqualTo(FILE + ": valid, no problems");
        assertThat(warned.publishable()).isTrue();
        assertThat(warned.summary()).isEqualTo(FILE + ": valid, 1 warning");
        assertThat(broken.publishable()).isFalse();
        assertThat(broken.topology()).isEmpty();
        assertThat(broken.summary()).isEqualTo(FILE + ": 1 error, 0 warnings; not publishable");
        assertThat(broken).as("no document in toString").hasToString(broken.summary());
    }
}
