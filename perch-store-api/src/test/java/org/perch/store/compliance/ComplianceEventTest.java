package org.perch.store.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComplianceEventTest {

    @Test
    void newIdsShouldBeVersion7UniqueAndOrderedByTheirMillisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ComplianceEvent.newId());
        }

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        List<Long> millis = ids.stream().map(id -> id.getMostSignificantBits() >>> 16).toList();
        assertThat(millis).isSorted();
        assertThat(millis.getFirst()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }
}
