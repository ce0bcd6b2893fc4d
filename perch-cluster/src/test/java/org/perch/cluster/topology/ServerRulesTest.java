package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.cluster.topology.Documents.VALID;
import static org.perch.cluster.topology.Documents.at;
import static org.perch.cluster.topology.Documents.line;
import static org.perch.cluster.topology.Documents.problems;
import static org.perch.cluster.topology.Documents.replace;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Servers: names unique in the whole topology, valid hosts and ports, one server per address. */
class ServerRulesTest {

    @Test
    @DisplayName("server names are lowercase words, unique across every pool")
    void serverNamesShouldBeUniqueAcrossPools() {
        String document = replace(VALID, "\"name\": \"zh1\"", "\"name\": \"fe1\"");
        document = replace(document, "\"name\": \"fe9\"", "\"name\": \"FE 9\"");

        assertThat(problems(document)).containsExactly(
                at(document, "\"FE 9\"") + ": error: pools[0].servers[2].name: server name 'FE 9' must be 1 to 63"
                        + " lowercase letters, digits and hyphens",
                at(document, "\"fe1\",\n          \"host\": \"10.1.2.3\"") + ": error: pools[1].servers[0].name:"
                        + " server name 'fe1' is already taken (pools[0].servers[0], line "
                        + (line(document, "\"fe1\",\n          \"host\": \"fe1.example.org\"") - 1)
                        + "): server names must be unique in the whole topology");
    }

    @Test
    @DisplayName("a host is a DNS name or an IP address, and a port is from 1 to 65535")
    void hostsAndPortsShouldBeValid() {
        String document = replace(VALID, "\"fe2.example.org\"", "\"fe2 .example.org\"");
        document = replace(document, "15222", "65536");

        assertThat(problems(document)).containsExactly(
                at(document, "\"fe2 .example.org\"") + ": error: pools[0].servers[1].host: host 'fe2 .example.org' is"
                        + " neither a DNS name nor an IP address",
                at(document, "65536") + ": error: pools[1].servers[0].clientPort: clientPort must be from 1 to"
                        + " 65535, found 65536");
    }

    @Test
    @DisplayName("IPv4 and IPv6 addresses are hosts")
    void ipAddressesShouldBeHosts() {
        assertThat(problems(replace(VALID, "\"10.1.2.3\"", "\"2001:db8::7\""))).isEmpty();
    }

    @Test
    @DisplayName("two servers cannot have one host and port, whatever the case; the default port counts")
    void twoServersShouldNotShareAnAddress() {
        String document = replace(VALID, "\"10.1.2.3\"", "\"FE2.Example.org\"");
        document = replace(document, "15222", "5222");

        assertThat(problems(document)).containsExactly(at(document, "\"FE2.Example.org\"") + ": error:"
                + " pools[1].servers[0].host: fe2.example.org:5222 is already the address of another server"
                + " (pools[0].servers[1], line " + (line(document, "\"name\": \"fe2\"") - 1) + "): two servers cannot"
                + " listen on one host and port");
    }
}
