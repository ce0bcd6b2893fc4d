package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checks behind the rules: DNS names and IP addresses, PostgreSQL URLs, server paths. */
class AddressesTest {

    @Test
    @DisplayName("DNS names as RFC 1123 allows them; IP addresses as hosts only")
    void dnsNamesAndHostsShouldFollowTheRfcs() {
        assertThat(List.of("localhost", "example.org", "a-1.b2.example.org", "x".repeat(63) + ".org"))
                .allMatch(DnsNames::isDnsName);
        assertThat(List.of("", "-a.org", "a-.org", "a..org", "a.org.", "a_b.org", "x".repeat(64) + ".org",
                "10.1.2.3", "caf\u00e9.org")).noneMatch(DnsNames::isDnsName);
        assertThat(List.of("10.1.2.3", "255.255.255.255", "::1", "2001:db8::7", "2001:db8:0:0:0:0:0:7",
                "::ffff:10.1.2.3", "fe1.example.org")).allMatch(DnsNames::isHost);
        assertThat(List.of("256.1.2.3", "1.2.3", "2001:db8::7::1", "2001:db8:0:0:0:0:0:0:7", "12345::1", ":::"))
                .noneMatch(DnsNames::isHost);
    }

    @Test
    @DisplayName("a PostgreSQL URL gives its hosts (port 5432 by default) and database")
    void aPostgresUrlShouldGiveItsHostsAndDatabase() {
        assertThat(PostgresUrl.parse("jdbc:postgresql://DB1.example.org,[2001:db8::7]:6432/perch?ssl=true"))
                .isEqualTo(new PostgresUrl(List.of("db1.example.org:5432", "2001:db8::7:6432"), "perch"));
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://db1.example.org/"))
                .hasMessage("'' after the host is not a database name");
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://[2001:db8::7/perch"))
                .hasMessage("'[2001:db8::7' opens an IPv6 address with [ and does not close it");
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://db1.example.org:0/perch"))
                .hasMessage("port '0' is not a number from 1 to 65535");
        assertThat(PostgresUrl.carriesCredentials("jdbc:postgresql://db1/perch?sslmode=require&PASSWORD=x")).isTrue();
        assertThat(PostgresUrl.carriesCredentials("jdbc:postgresql://db1/perch?passwordless=1")).isFalse();
    }

    @Test
    @DisplayName("two spellings of one directory are one directory")
    void pathsShouldBeNormalised() {
        assertThat(PosixPaths.normalise("/var/lib/./perch//data/../")).isEqualTo("/var/lib/perch");
        assertThat(PosixPaths.isAbsolute("var/lib/perch")).isFalse();
        assertThat(PosixPaths.isAbsolute("/var/lib/\0perch")).isFalse();
    }
}
