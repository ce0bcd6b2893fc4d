package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.cluster.topology.Documents.FILE;
import static org.perch.cluster.topology.Documents.VALID;
import static org.perch.cluster.topology.Documents.at;
import static org.perch.cluster.topology.Documents.problems;
import static org.perch.cluster.topology.Documents.replace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.store.cluster.PublishedTopology;

class TopologyParserTest {

    @Test
    @DisplayName("a valid file becomes the whole model, defaults filled in, with no problem")
    void aValidFileShouldBecomeTheModel() {
        ParsedTopology parsed = TopologyParser.parse(VALID, FILE);

        assertThat(parsed.problems()).isEmpty();
        Topology topology = parsed.topology().orElseThrow();
        assertThat(topology.domain()).isEqualTo("example.org");
        assertThat(topology.maxActiveServersPerPool()).isEqualTo(4);
        assertThat(topology.stores()).containsOnlyKeys("chat-a", "chat-a-dr", "chat-b", "compliance");
        assertThat(topology.stores().get("chat-a")).isEqualTo(new PostgresStoreDefinition("chat-a",
                "jdbc:postgresql://db1.example.org:5432/perch", "perch", "/etc/perch/chat-a.password"));
        assertThat(topology.fileStores()).containsExactly(Map.entry("files-a",
                new FileStoreDefinition("files-a", "/srv/perch/files")));
        assertThat(topology.pools()).containsExactly(
                new PoolDefinition("pool-a", List.of("chat.example.org", "rooms.example.org"), "chat-a",
                        Optional.of("chat-a-dr"), Optional.of("compliance"), Optional.of("files-a"), List.of(
                        new ServerDefinition("fe1", "fe1.example.org", 5222, ServerRole.ACTIVE),
                        new ServerDefinition("fe2", "fe2.example.org", 5222, ServerRole.ACTIVE),
                        new ServerDefinition("fe9", "fe9.dr.example.org", 5222, ServerRole.IDLE)), PoolState.NORMAL),
                new PoolDefinition("pool-b", List.of("zurich.example.org"), "chat-b", Optional.empty(),
                        Optional.of("compliance"), Optional.empty(), List.of(
                        new ServerDefinition("zh1", "10.1.2.3", 15222, ServerRole.ACTIVE)), PoolState.NORMAL));
    }

    @Test
    @DisplayName("maxActiveServersPerPool defaults to 16 and fileStores to none; an embedded store is read")
    void optionalKeysShouldTakeTheirDefaults() {
        String document = """
                {"schemaVersion": 1, "domain": "example.org",
                 "stores": {"lab": {"kind": "embedded", "dataDir": "/var/lib/perch"}},
                 "pools": [{"name": "lab", "mucServices": ["chat.example.org"], "store": "lab",
                            "servers": [{"name": "lab1", "host": "localhost", "role": "active"}]}]}
                """;

        Topology topology = TopologyParser.parse(document, FILE).topology().orElseThrow();

        assertThat(topology.maxActiveServersPerPool()).isEqualTo(16);
        assertThat(topology.fileStores()).isEmpty();
        assertThat(topology.stores().get("lab")).isEqualTo(new EmbeddedStoreDefinition("lab", "/var/lib/perch"));
        assertThat(problems(document)).isEmpty();
    }

    @Test
    @DisplayName("a syntax error stops the reading where it is, with Jackson's reason, and gives no model")
    void aSyntaxErrorShouldStopAtItsLocation() {
        String document = replace(VALID, "\"user\": \"auditor\",", "\"user\": \"auditor\"");

        ParsedTopology parsed = TopologyParser.parse(document, FILE);

        assertThat(parsed.topology()).isEmpty();
        assertThat(parsed.problems()).singleElement().hasToString(at(document, "\"passwordFile\": \"/etc/perch/compl")
                + ": error: stores.compliance.user: invalid JSON, nothing after this point was checked: Unexpected"
                + " character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    @DisplayName("an empty file, text after the object, and a top level that is not an object are each one error")
    void unreadableTopLevelsShouldBeOneErrorEach() {
        assertThat(problems(" \n")).containsExactly(FILE + ":1:1: error: $: the file is empty; expected the"
                + " topology, a JSON object");
        assertThat(problems("{}\n{}")).containsExactly(FILE + ":2:1: error: $: unexpected text after the end of the"
                + " topology; the file holds one JSON value");
        assertThat(problems("[1, 2]")).containsExactly(FILE + ":1:1: error: $: the topology must be a JSON object"
                + " {…}, found an array");
    }

    @Test
    @DisplayName("another schemaVersion is the only problem reported: the rest is another format")
    void anotherSchemaShouldBeTheOnlyProblem() {
        String document = replace(VALID, "\"schemaVersion\": 1,", "\"schemaVersion\": 2, \"regions\": [],");

        ParsedTopology parsed = TopologyParser.parse(document, FILE);

        assertThat(parsed.topology()).isEmpty();
        assertThat(problems(document)).containsExactly(at(document, "2, \"regions\"") + ": error: schemaVersion:"
                + " schemaVersion 2 is not one this Perch reads: it reads schemaVersion 1 (nothing else was checked)");
    }

    @Test
    @DisplayName("an unknown key is reported at the key, with the key it most likely meant")
    void anUnknownKeyShouldSuggestTheRightOne() {
        String document = replace(VALID, "\"name\": \"fe2\",", "\"nmae\": \"fe2\", \"name\": \"fe2\",");

        assertThat(problems(document)).containsExactly(at(document, "\"nmae\"") + ": error: pools[0].servers[1].nmae:"
                + " unknown key 'nmae' in a server; did you mean 'name'? (its keys: name, host, role, clientPort)");
    }

    @Test
    @DisplayName("a missing required key is reported at the object that lacks it, naming the required keys")
    void aMissingKeyShouldBeReportedAtItsObject() {
        String document = replace(VALID, "\"role\": \"idle\"", "\"clientPort\": 5222");

        assertThat(problems(document)).containsExactly(at(document, "{\n          \"name\": \"fe9\"")
                + ": error: pools[0].servers[2].role: missing required key 'role' in a server (its required keys:"
                + " name, host, role)");
    }

    @Test
    @DisplayName("a value of the wrong JSON type is reported at the value, saying what it should be")
    void aWrongTypeShouldBeReportedAtTheValue() {
        String document = replace(VALID, "\"clientPort\": 15222,", "\"clientPort\": \"15222\",");
        document = replace(document, "\"maxActiveServersPerPool\": 4,", "\"maxActiveServersPerPool\": 4.5,");

        assertThat(problems(document)).containsExactly(
                at(document, "4.5") + ": error: maxActiveServersPerPool: maxActiveServersPerPool must be a whole"
                        + " number, found the number 4.5",
                at(document, "\"15222\"") + ": error: pools[1].servers[0].clientPort: clientPort must be a whole"
                        + " number, found the string \"15222\"");
    }

    @Test
    @DisplayName("a role other than active or idle, and a store kind other than postgresql or embedded")
    void enumeratedValuesShouldBeChecked() {
        String document = replace(VALID, "\"role\": \"idle\"", "\"role\": \"standby\"");
        document = replace(document, "\"kind\": \"postgresql\",\n      \"url\": \"jdbc:postgresql://db2",
                "\"kind\": \"mysql\",\n      \"url\": \"jdbc:postgresql://db2");

        assertThat(problems(document)).containsExactly(
                at(document, "\"mysql\"") + ": error: stores.chat-b.kind: kind must be postgresql or embedded,"
                        + " found the string \"mysql\"",
                at(document, "\"standby\"") + ": error: pools[0].servers[2].role: role must be active (accepts"
                        + " connections) or idle (waits to be activated), found \"standby\"");
    }

    @Test
    @DisplayName("a pool's state is normal unless the file says failedOver; any other word is an error")
    void aPoolStateShouldBeReadAndChecked() {
        String failedOver = replace(VALID, "\"backupStore\": \"chat-a-dr\",",
                "\"backupStore\": \"chat-a-dr\", \"state\": \"failedOver\",");
        String unknown = replace(VALID, "\"backupStore\": \"chat-a-dr\",",
                "\"backupStore\": \"chat-a-dr\", \"state\": \"degraded\",");

        assertThat(TopologyParser.parse(VALID, FILE).topology().orElseThrow().pools())
                .extracting(PoolDefinition::state).containsExactly(PoolState.NORMAL, PoolState.NORMAL);
        PoolDefinition poolA = TopologyParser.parse(failedOver, FILE).topology().orElseThrow().pools().getFirst();
        assertThat(poolA.state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(poolA.currentStore()).as("a failed-over pool runs on its backup store").isEqualTo("chat-a-dr");
        assertThat(problems(failedOver)).isEmpty();
        assertThat(problems(unknown)).containsExactly(at(unknown, "\"degraded\"") + ": error: pools[0].state: state"
                + " must be normal (the default) or failedOver (running on the backup store), found \"degraded\"");
    }

    @Test
    @DisplayName("a repeated key is an error at its second occurrence; the first one counts")
    void aRepeatedKeyShouldBeAnError() {
        String document = replace(VALID, "\"domain\": \"example.org\",",
                "\"domain\": \"example.org\",\n  \"domain\": \"example.com\",");

        ParsedTopology parsed = TopologyParser.parse(document, FILE);

        assertThat(parsed.topology()).map(Topology::domain).contains("example.org");
        assertThat(problems(document)).containsExactly(at(document, "\"domain\": \"example.com\"") + ": error:"
                + " domain: key 'domain' appears a second time (first at line 3, column 3); each key may appear once,"
                + " and the first one counts");
    }

    @Test
    @DisplayName("keys that are not plain words are quoted in paths")
    void oddKeysShouldBeQuotedInPaths() {
        String document = replace(VALID, "\"files-a\": {", "\"files a\": {\"path\": \"/srv/b\"},\n    \"files-a\": {");

        assertThat(problems(document)).containsExactly(
                at(document, "\"files a\"") + ": error: fileStores[\"files a\"]: file store name 'files a' must be"
                        + " 1 to 63 lowercase letters, digits and hyphens",
                at(document, "{\"path\": \"/srv/b\"}") + ": warning: fileStores[\"files a\"]: file store"
                        + " 'files a' is not used by any pool");
    }

    @Test
    @DisplayName("an element of the wrong type in mucServices leaves the pool out, and nothing else is blamed on it")
    void aPoolLeftOutShouldNotBeBlamedTwice() {
        String document = replace(VALID, "[\"zurich.example.org\"]", "[\"zurich.example.org\", 7]");

        ParsedTopology parsed = TopologyParser.parse(document, FILE);

        assertThat(parsed.topology().orElseThrow().pools()).extracting(PoolDefinition::name).containsExactly("pool-a");
        // chat-b is now used by no pool that could be read, which is no reason to call it unused.
        assertThat(problems(document)).containsExactly(at(document, "7]") + ": error: pools[1].mucServices[1]:"
                + " mucServices holds strings, found the number 7");
    }

    @Test
    @DisplayName("a file longer than a store keeps is an error")
    void anOversizedFileShouldBeAnError() {
        String document = VALID.replace("\"domain\"", " ".repeat(PublishedTopology.MAX_DOCUMENT_LENGTH) + "\"domain\"");

        assertThat(problems(document)).containsExactly(FILE + ":1:1: error: $: the file is "
                + document.length() + " characters; a store keeps at most 1000000");
    }
}
