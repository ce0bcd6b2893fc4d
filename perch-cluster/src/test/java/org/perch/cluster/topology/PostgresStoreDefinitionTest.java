package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostgresStoreDefinitionTest {

    @Test
    @DisplayName("toString shows a well-made definition and withholds a password put where it does not belong")
    void toStringShouldNeverShowAPassword() {
        assertThat(new PostgresStoreDefinition("chat-a", "jdbc:postgresql://db1/perch?ssl=true", "perch",
                "/etc/perch/chat-a.password")).hasToString("PostgresStoreDefinition[name=chat-a,"
                + " url=jdbc:postgresql://db1/perch?ssl=true, user=perch, passwordFile=/etc/perch/chat-a.password]");
        assertThat(new PostgresStoreDefinition("chat-a", "jdbc:postgresql://db1/perch?password=hunter2", "perch",
                "hunter3").toString()).doesNotContain("hunter2", "hunter3").contains("withheld");
    }
}
