package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.TestData.jid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.Roster;
import org.perch.store.RosterItem;
import org.perch.store.RosterStore;
import org.perch.store.Subscription;

/** What every {@link RosterStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface RosterStoreContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closeRosterStoreFixture() {
        fixture().close();
    }

    private RosterStore rosters() {
        return fixture().store().rosters();
    }

    @Test
    default void rosterOfAnUnknownOwnerShouldBeEmptyWithVersionZero() {
        assertThat(rosters().roster(jid("nobody"))).isEqualTo(new Roster(0, List.of()));
    }

    @Test
    default void putShouldAddTheItemAndReturnTheNewVersion() {
        RosterItem bob = RosterItem.of(jid("bob"));

        long version = rosters().put(jid("alice"), bob);

        Roster roster = rosters().roster(jid("alice"));
        assertThat(version).isPositive();
        assertThat(roster.version()).isEqualTo(version);
        assertThat(roster.items()).containsExactly(bob);
    }

    @Test
    default void putShouldReplaceTheItemWithTheSameContact() {
        Jid alice = jid("alice");
        long first = rosters().put(alice, RosterItem.of(jid("bob")));
        RosterItem replacement = new RosterItem(jid("bob"), "Bobby", Subscription.BOTH, false, Set.of("Friends"));

        long second = rosters().put(alice, replacement);

        assertThat(second).isGreaterThan(first);
        assertThat(rosters().roster(alice)).isEqualTo(new Roster(second, List.of(replacement)));
    }

    @Test
    default void itemsShouldKeepNameSubscriptionPendingFlagAndGroups() {
        Jid alice = jid("alice");
        List<RosterItem> items = List.of(
                new RosterItem(jid("bob"), "Bob Smith", Subscription.TO, true, Set.of("Work", "Friends")),
                new RosterItem(jid("carol"), "", Subscription.FROM, false, Set.of()),
                new RosterItem(jid("dave"), "Дэйв ✓", Subscription.NONE, true, Set.of("Ünïcødé 😀", "")),
                new RosterItem(jid("erin"), "multi\nline", Subscription.BOTH, false,
                        Set.of("back\\slash", "new\nline", "a,b;c\"d'")));
        items.forEach(i -> rosters().put(alice, i));

        assertThat(rosters().roster(alice).items()).containsExactlyInAnyOrderElementsOf(items);
    }

    @Test
    default void removeShouldDropTheContactAndIncreaseTheVersion() {
        Jid alice = jid("alice");
        rosters().put(alice, RosterItem.of(jid("bob")));
        long beforeRemove = rosters().put(alice, RosterItem.of(jid("carol")));

        long afterRemove = rosters().remove(alice, jid("bob"));

        assertThat(afterRemove).isGreaterThan(beforeRemove);
        assertThat(rosters().roster(alice)).isEqualTo(new Roster(afterRemove, List.of(RosterItem.of(jid("carol")))));
    }

    @Test
    default void removeOfAnAbsentContactShouldLeaveTheVersionUnchanged() {
        Jid alice = jid("alice");
        long version = rosters().put(alice, RosterItem.of(jid("bob")));

        assertThat(rosters().remove(alice, jid("nobody"))).isEqualTo(version);
        assertThat(rosters().remove(jid("stranger"), jid("bob"))).isZero();
        assertThat(rosters().roster(alice).version()).isEqualTo(version);
        assertThat(rosters().roster(jid("stranger"))).isEqualTo(new Roster(0, List.of()));
    }

    @Test
    default void versionsShouldIncreaseStrictlyWithEveryChange() {
        Jid alice = jid("alice");
        List<Long> versions = new ArrayList<>();

        versions.add(rosters().put(alice, RosterItem.of(jid("bob"))));
        versions.add(rosters().put(alice, RosterItem.of(jid("carol"))));
        versions.add(rosters().put(alice, new RosterItem(jid("bob"), "B", Subscription.TO, false, Set.of())));
        versions.add(rosters().remove(alice, jid("carol")));
        versions.add(rosters().put(alice, RosterItem.of(jid("carol"))));

        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(rosters().roster(alice).version()).isEqualTo(versions.getLast());
    }

    @Test
    default void rostersShouldBeKeptApartPerOwner() {
        rosters().put(jid("alice"), RosterItem.of(jid("bob")));
        rosters().put(jid("carol"), RosterItem.of(jid("dave")));

        assertThat(rosters().roster(jid("alice")).items()).containsExactly(RosterItem.of(jid("bob")));
        assertThat(rosters().roster(jid("carol")).items()).containsExactly(RosterItem.of(jid("dave")));
    }

    @Test
    default void unicodeOwnersAndContactsShouldRoundTrip() {
        Jid owner = jid("李小龍");
        RosterItem item = new RosterItem(Jid.bare("élodie", "exämple.org"), "Élodie", Subscription.BOTH, false,
                Set.of("Família"));

        rosters().put(owner, item);

        assertThat(rosters().roster(owner).items()).containsExactly(item);
    }

    @Test
    default void concurrentPutsShouldAllBeStoredWithDistinctVersions() {
        Jid alice = jid("alice");
        int perThread = 100;
        List<Long> versions = Collections.synchronizedList(new ArrayList<>());
        RosterStore rosters = rosters();

        Concurrently.run(2, t -> {
            for (int i = 0; i < perThread; i++) {
                versions.add(rosters.put(alice, RosterItem.of(jid("contact" + t + "-" + i))));
            }
        });

        Roster roster = rosters().roster(alice);
        assertThat(roster.items()).hasSize(2 * perThread);
        assertThat(versions).hasSize(2 * perThread).doesNotHaveDuplicates();
        assertThat(roster.version()).isEqualTo(Collections.max(versions));
    }

    @Test
    default void rostersShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        Jid alice = jid("alice");
        RosterItem bob = new RosterItem(jid("bob"), "Bob", Subscription.BOTH, true, Set.of("Friends", "Work"));
        rosters().put(alice, bob);
        rosters().put(alice, RosterItem.of(jid("carol")));
        long version = rosters().remove(alice, jid("carol"));

        RosterStore reopened = fixture().reopen().rosters();

        assertThat(reopened.roster(alice)).isEqualTo(new Roster(version, List.of(bob)));
        assertThat(reopened.put(alice, RosterItem.of(jid("dave")))).isGreaterThan(version);
    }
}
