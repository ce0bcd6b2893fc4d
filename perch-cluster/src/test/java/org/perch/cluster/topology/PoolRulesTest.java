package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.cluster.topology.Documents.FILE;
import static org.perch.cluster.topology.Documents.VALID;
import static org.perch.cluster.topology.Documents.at;
import static org.perch.cluster.topology.Documents.line;
import static org.perch.cluster.topology.Documents.problems;
import static org.perch.cluster.topology.Documents.replace;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pools: how many, their names, their servers and how many of those are active. */
class PoolRulesTest {

    private static final String POOL_B_SERVERS = """
            "servers": [
                    {
                      "name": "zh1",
                      "host": "10.1.2.3",
                      "clientPort": 15222,
                      "role": "active"
                    }
                  ]""";

    @Test
    @DisplayName("a topology has at least one pool")
    void aTopologyShouldHaveAPool() {
        String document = "{\"schemaVersion\": 1, \"domain\": \"example.org\", \"stores\": {}, \"pools\": []}";

        assertThat(problems(document)).containsExactly(at(document, "[]") + ": error: pools: no pool: a topology needs"
                + " at least one");
    }

    @Test
    @DisplayName("pool names are lowercase words and unique")
    void poolNamesShouldBeWellFormedAndUnique() {
        String badName = replace(VALID, "\"name\": \"pool-b\"", "\"name\": \"Pool B\"");
        String taken = replace(VALID, "\"name\": \"pool-b\"", "\"name\": \"pool-a\"");

        assertThat(problems(badName)).containsExactly(at(badName, "\"Pool B\"") + ": error: pools[1].name: pool name"
                + " 'Pool B' must be 1 to 63 lowercase letters, digits and hyphens");
        assertThat(problems(taken)).containsExactly(at(taken, "\"pool-a\",\n      \"mucServices\": [\"zurich")
                + ": error: pools[1].name: pool name 'pool-a' is already taken (pools[0].name, line "
                + line(taken, "\"pool-a\",\n      \"mucServices\": [\"chat") + "): pool names must be unique");
    }

    @Test
    @DisplayName("a failed-over pool needs a backup store to run on")
    void aFailedOverPoolShouldHaveABackupStore() {
        String document = replace(VALID, "\"store\": \"chat-b\",", "\"store\": \"chat-b\", \"state\": \"failedOver\",");

        assertThat(problems(document)).containsExactly(at(document, "\"failedOver\"") + ": error: pools[1].state:"
                + " pool 'pool-b' is failedOver but has no backupStore to run on: name it, or set the state to normal");
    }

    @Test
    @DisplayName("a pool has at least one server")
    void aPoolShouldHaveAServer() {
        String document = replace(VALID, POOL_B_SERVERS, "\"servers\": []");

        assertThat(problems(document)).containsExactly(at(document, "[]") + ": error: pools[1].servers: pool 'pool-b'"
                + " has no server: a pool needs at least one");
    }

    @Test
    @DisplayName("a pool without an active server is a warning: a disaster-recovery standby pool is legitimate")
    void aPoolWithoutAnActiveServerShouldBeAWarning() {
        String document = replace(VALID, "\"clientPort\": 15222,\n          \"role\": \"active\"",
                "\"clientPort\": 15222,\n          \"role\": \"idle\"");

        assertThat(problems(document)).containsExactly(at(document, "[\n        {\n          \"name\": \"zh1\"")
                + ": warning: pools[1].servers: pool 'pool-b' has no active server, so none accepts connections until"
                + " one is activated: right for a disaster-recovery standby pool, otherwise make one active");
        assertThat(TopologyReport.check(document, FILE).publishable()).isTrue();
    }

    @Test
    @DisplayName("no more active servers than maxActiveServersPerPool, which is at least 1")
    void activeServersShouldBeLimited() {
        String tooMany = replace(VALID, "\"maxActiveServersPerPool\": 4", "\"maxActiveServersPerPool\": 1");
        String zero = replace(VALID, "\"maxActiveServersPerPool\": 4", "\"maxActiveServersPerPool\": 0");

        assertThat(problems(tooMany)).containsExactly(at(tooMany, "[\n        {\n          \"name\": \"fe1\"")
                + ": error: pools[0].servers: pool 'pool-a' has 2 active servers; at most 1 may be active"
                + " (maxActiveServersPerPool): make the others idle");
        assertThat(problems(zero)).containsExactly(at(zero, "0,") + ": error: maxActiveServersPerPool:"
                + " maxActiveServersPerPool must be 1 or more, found 0");
    }

    @Test
    @DisplayName("a server the parser could not read is not counted as missing or idle")
    void anUnreadServerShouldNotCountAsMissing() {
        String document = replace(VALID, "\"clientPort\": 15222,\n          \"role\": \"active\"",
                "\"clientPort\": 15222,\n          \"role\": \"primary\"");

        assertThat(problems(document)).containsExactly(at(document, "\"primary\"") + ": error:"
                + " pools[1].servers[0].role: role must be active (accepts connections) or idle (waits to be"
                + " activated), found \"primary\"");
    }
}
