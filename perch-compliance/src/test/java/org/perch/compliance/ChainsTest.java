package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.RecordedEvent;

class ChainsTest {

    @Test
    @DisplayName("each room has its own chain; the category events share one")
    void eachRoomShouldHaveItsOwnChain() {
        List<ChainedEvent> e = TestEvents.typical().events();
        assertThat(e.get(0).previousHash()).isEqualTo(EventChain.GENESIS);
        assertThat(e.get(1).previousHash()).isEqualTo(e.get(0).hash());
        assertThat(e.get(2).previousHash()).as("first event of the second room").isEqualTo(EventChain.GENESIS);
        assertThat(e.get(4).previousHash()).as("first category event").isEqualTo(EventChain.GENESIS);
        assertThat(e.get(5).previousHash()).isEqualTo(e.get(1).hash());
        assertThat(e).allSatisfy(c -> assertThat(c.hash()).isEqualTo(EventChain.hash(c.previousHash(), c.event())));
    }

    @Test
    @DisplayName("a planner continues from the heads it stored: the next batch links to the last one")
    void chainsShouldContinueFromStoredHeads() {
        Chains first = Chains.empty();
        ChainedEvent one = first.append(1, event(Optional.of(TestEvents.BOND_DESK)));
        ChainedEvent category = first.append(2, event(Optional.empty()));
        assertThat(first.heads()).containsOnly(
                java.util.Map.entry(TestEvents.BOND_DESK.id().toString(), one.hash()),
                java.util.Map.entry(Chains.NO_ROOM, category.hash()));

        Chains next = new Chains(first.heads());
        List<ChainedEvent> linked = next.appendAll(List.of(
                new RecordedEvent(3, event(Optional.of(TestEvents.BOND_DESK))),
                new RecordedEvent(4, event(Optional.of(TestEvents.FX)))));
        assertThat(linked.get(0).previousHash()).isEqualTo(one.hash());
        assertThat(linked.get(1).previousHash()).isEqualTo(EventChain.GENESIS);
        assertThat(next.heads()).containsEntry(TestEvents.BOND_DESK.id().toString(), linked.get(0).hash());
    }

    @Test
    @DisplayName("sequences must increase")
    void sequencesShouldIncrease() {
        Chains chains = Chains.empty();
        chains.append(5, event(Optional.empty()));
        assertThatThrownBy(() -> chains.append(5, event(Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sequence 5 does not follow 5");
    }

    private static ComplianceEvent event(Optional<org.perch.store.compliance.ComplianceRoom> room) {
        return new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.CHAT, TestEvents.T0, TestEvents.ALICE,
                room, Optional.empty(), "x");
    }
}
