package org.perch.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a failover asks one host of a multi-host URL on its own. */
class PostgresReplicationUrlTest {

    @Test
    @DisplayName("each host of the URL is asked alone, with the other parameters kept and the target type dropped")
    void eachHostShouldBeReachedAlone() {
        String url = "jdbc:postgresql://db1:5432,db9:5433/perch?targetServerType=primary&connectTimeout=2";

        assertThat(PostgresReplication.hostsOf(url)).containsExactly("db1:5432", "db9:5433");
        assertThat(PostgresReplication.oneHost(url, "db9:5433"))
                .isEqualTo("jdbc:postgresql://db9:5433/perch?connectTimeout=2");
        assertThat(PostgresReplication.oneHost("jdbc:postgresql://db1/perch?targetServerType=primary", "db1"))
                .isEqualTo("jdbc:postgresql://db1/perch");
        assertThat(PostgresReplication.oneHost("jdbc:postgresql://db1/perch", "db1"))
                .isEqualTo("jdbc:postgresql://db1/perch");
    }
}
