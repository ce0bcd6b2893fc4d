package org.perch.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.cluster.topology.EmbeddedStoreDefinition;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.cluster.topology.StoreDefinition;
import org.perch.cluster.topology.TopologyException;
import org.perch.store.cluster.PublishedTopology;

class PoolAssignmentTest {

    private static final String DOCUMENT = """
            {"schemaVersion": 1, "domain": "example.org",
             "stores": {
               "chat-a": {"kind": "postgresql", "url": "jdbc:postgresql://db1.example.org/perch", "user": "perch",
                          "passwordFile": "/etc/perch/a"},
               "comp-a": {"kind": "postgresql", "url": "jdbc:postgresql://db1.example.org/perch_compliance",
                          "user": "perch", "passwordFile": "/etc/perch/c"}},
             "pools": [{"name": "pool-a", "mucServices": ["chat.example.org"], "store": "chat-a",
                        "complianceStore": "comp-a", "servers": [
                          {"name": "fe1", "host": "fe1.example.org", "role": "active"},
                          {"name": "fe9", "host": "fe9.example.org", "role": "idle"}]}]}
            """;
    private static final Optional<PublishedTopology> PUBLISHED = Optional.of(new PublishedTopology(3, DOCUMENT,
            Instant.parse("2026-12-01T09:00:00Z")));
    /** The pool's store as a server's configuration names it: another name, another spelling of the host. */
    private static final StoreDefinition CONFIGURED = new PostgresStoreDefinition("mine",
            "jdbc:postgresql://DB1.example.org:5432/perch", "perch", "/etc/perch/a");

    @Test
    void aServerShouldFindItsPoolRoleAndComplianceStore() {
        PoolAssignment fe9 = PoolAssignment.resolve(PUBLISHED, "pool-a", "fe9", CONFIGURED, "example.org",
                "chat.example.org");

        assertThat(fe9.version()).isEqualTo(3);
        assertThat(fe9.active()).isFalse();
        assertThat(fe9.server().host()).isEqualTo("fe9.example.org");
        assertThat(fe9.complianceStore()).map(StoreDefinition::name).contains("comp-a");
        assertThat(PoolAssignment.resolve(PUBLISHED, "pool-a", "fe1", CONFIGURED, "example.org", "chat.example.org")
                .active()).isTrue();
    }

    @Test
    void withoutAPublishedTopologyAServerShouldBeToldHowToPublishOne() {
        assertThatThrownBy(() -> PoolAssignment.resolve(Optional.empty(), "pool-a", "fe1", CONFIGURED, "example.org",
                "chat.example.org")).isInstanceOf(TopologyException.class).hasMessage("no topology is published in"
                + " this server's store; publish one with 'perch topology publish FILE' (docs/topology.md)");
    }

    @Test
    void anUnknownPoolOrServerShouldBeRefusedNamingThoseThatExist() {
        assertThatThrownBy(() -> PoolAssignment.resolve(PUBLISHED, "pool-b", "fe1", CONFIGURED, "example.org",
                "chat.example.org")).hasMessage("the published topology (version 3) has no pool 'pool-b'; its pools:"
                + " pool-a");
        assertThatThrownBy(() -> PoolAssignment.resolve(PUBLISHED, "pool-a", "fe2", CONFIGURED, "example.org",
                "chat.example.org")).hasMessage("pool 'pool-a' of the published topology (version 3) has no server"
                + " 'fe2'; its servers: fe1, fe9");
    }

    @Test
    void aConfigurationThatContradictsTheTopologyShouldBeRefused() {
        StoreDefinition elsewhere = new EmbeddedStoreDefinition("mine", "/var/lib/perch");
        assertThatThrownBy(() -> PoolAssignment.resolve(PUBLISHED, "pool-a", "fe1", elsewhere, "example.org",
                "chat.example.org")).hasMessage("pool 'pool-a' keeps its rooms in store 'chat-a' (PostgreSQL"
                + " jdbc:postgresql://db1.example.org/perch), but this server is configured with embedded in"
                + " /var/lib/perch; point store.* at the pool's store");
        assertThatThrownBy(() -> PoolAssignment.resolve(PUBLISHED, "pool-a", "fe1", CONFIGURED, "example.com",
                "chat.example.org")).hasMessage("the published topology is for the domain example.org, but this"
                + " server's domain is example.com");
        assertThatThrownBy(() -> PoolAssignment.resolve(PUBLISHED, "pool-a", "fe1", CONFIGURED, "example.org",
                "rooms.example.org")).hasMessage("pool 'pool-a' serves chat.example.org, but this server's muc.domain"
                + " is rooms.example.org");
    }

    @Test
    void aPublishedDocumentThatIsNoLongerValidShouldBeRefusedWithItsProblems() {
        Optional<PublishedTopology> broken = Optional.of(new PublishedTopology(4, "{\"schemaVersion\": 1}",
                Instant.parse("2026-12-01T09:00:00Z")));

        assertThatThrownBy(() -> PoolAssignment.resolve(broken, "pool-a", "fe1", CONFIGURED, "example.org",
                "chat.example.org")).isInstanceOf(TopologyException.class)
                .hasMessageStartingWith("published topology version 4: ").hasMessageEndingWith("; not publishable:"
                        + " publish a valid topology");
    }
}
