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

/** The domain and the MUC services. */
class DomainRulesTest {

    private static final String POOL_B_SERVICES = "[\"zurich.example.org\"]";

    @Test
    @DisplayName("the documented example breaks no rule")
    void theValidDocumentShouldHaveNoProblem() {
        assertThat(problems(VALID)).isEmpty();
    }

    @Test
    @DisplayName("the domain is a DNS name")
    void theDomainShouldBeADnsName() {
        String document = replace(VALID, "\"example.org\"", "\"example..org\"");

        assertThat(problems(document)).containsExactly(at(document, "\"example..org\"") + ": error: domain: domain"
                + " 'example..org' is not a DNS name: expected labels of letters, digits and hyphens separated by dots,"
                + " such as example.org");
    }

    @Test
    @DisplayName("every MUC service is a DNS name, and not the domain itself")
    void mucServicesShouldBeDnsNamesOtherThanTheDomain() {
        String document = replace(VALID, "\"rooms.example.org\"", "\"rooms_example.org\"");
        document = replace(document, POOL_B_SERVICES, "[\"Example.ORG\"]");

        assertThat(problems(document)).containsExactly(
                at(document, "\"rooms_example.org\"") + ": error: pools[0].mucServices[1]: MUC service"
                        + " 'rooms_example.org' is not a DNS name: expected a domain such as chat.example.org",
                at(document, "\"Example.ORG\"") + ": error: pools[1].mucServices[0]: MUC service 'Example.ORG' is the"
                        + " domain itself: a MUC service is a domain of its own, such as chat.example.org");
    }

    @Test
    @DisplayName("a MUC service outside the domain is a warning: the topology may still be published")
    void aMucServiceOutsideTheDomainShouldBeAWarning() {
        String document = replace(VALID, POOL_B_SERVICES, "[\"chat.example.net\"]");

        assertThat(problems(document)).containsExactly(at(document, "\"chat.example.net\"") + ": warning:"
                + " pools[1].mucServices[0]: MUC service 'chat.example.net' is outside the domain example.org: expected"
                + " a subdomain such as chat.example.org (allowed if that domain's DNS and certificate are yours)");
        assertThat(TopologyReport.check(document, FILE).publishable()).isTrue();
    }

    @Test
    @DisplayName("a MUC service belongs to one pool, whatever its case; listed twice in one pool is a warning")
    void aMucServiceShouldBelongToOnePool() {
        String document = replace(VALID, POOL_B_SERVICES, "[\"Chat.Example.org\"]");
        document = replace(document, "\"rooms.example.org\"]", "\"rooms.example.org\", \"ROOMS.example.org\"]");
        int poolA = line(document, "\"chat.example.org\"");

        assertThat(problems(document)).containsExactly(
                at(document, "\"ROOMS.example.org\"") + ": warning: pools[0].mucServices[2]: MUC service"
                        + " 'ROOMS.example.org' is listed twice in this pool (pools[0].mucServices[1], line " + poolA
                        + ")",
                at(document, "\"Chat.Example.org\"") + ": error: pools[1].mucServices[0]: MUC service"
                        + " 'Chat.Example.org' is already served by pool 'pool-a' (pools[0].mucServices[0], line "
                        + poolA + "): its rooms live in one pool's store, so a MUC service belongs to one pool");
    }

    @Test
    @DisplayName("every pool has a MUC service")
    void everyPoolShouldHaveAMucService() {
        String document = replace(VALID, POOL_B_SERVICES, "[ ]");

        assertThat(problems(document)).containsExactly(at(document, "[ ]") + ": error: pools[1].mucServices: pool"
                + " 'pool-b' has no MUC service: give at least one, such as chat.example.org");
    }
}
