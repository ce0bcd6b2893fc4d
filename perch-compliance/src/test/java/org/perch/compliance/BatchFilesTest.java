package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRoom;

class BatchFilesTest {

    @Test
    @DisplayName("room addresses become portable file names; two rooms with one address get distinct files")
    void namesShouldBePortableAndDistinct() {
        assertThat(BatchFiles.fileSafe("bond-desk_2.0")).isEqualTo("bond-desk_2.0");
        assertThat(BatchFiles.fileSafe("caf\u00e9*?")).isEqualTo("caf%C3%A9%2A%3F");

        ComplianceRoom recreated = new ComplianceRoom(RoomId.of("00000000-0000-0000-0000-0000000000aa"), "bond-desk",
                "Bond Desk again");
        ExportBatch batch = new TestEvents().chat(TestEvents.BOND_DESK, TestEvents.ALICE, "old")
                .add(ComplianceEventType.CHAT, Optional.of(recreated), TestEvents.ALICE, Optional.empty(), "new")
                .batch(1);
        assertThat(BatchFiles.plan(batch, true, ".xml")).extracting(OutputFile::name).containsExactly(
                "perch-compliance-000000000001-bond-desk.xml",
                "perch-compliance-000000000001-bond-desk-00000000-0000-0000-0000-0000000000aa.xml");
    }
}
