package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.TestData.jid;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.StoreException;
import org.perch.store.pep.PepAccess;
import org.perch.store.pep.PepItem;
import org.perch.store.pep.PepNode;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepSendLast;
import org.perch.store.pep.PepStore;

/** What every {@link PepStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface PepStoreContract {

    String BOOKMARKS = "urn:xmpp:bookmarks:1";
    PepNodeConfig PRIVATE = new PepNodeConfig(100, PepAccess.WHITELIST, true, PepSendLast.NEVER);
    Instant T0 = Instant.parse("2024-05-01T10:15:30.123456Z");

    StoreFixture fixture();

    @AfterEach
    default void closePepStoreFixture() {
        fixture().close();
    }

    private PepStore pep() {
        return fixture().store().pep();
    }

    private static PepItem item(String id, int n) {
        return new PepItem(id, T0.plusSeconds(n), "<conference xmlns='urn:xmpp:bookmarks:1' name='Room " + n + "'/>");
    }

    private static List<String> ids(List<PepItem> items) {
        return items.stream().map(PepItem::id).toList();
    }

    @Test
    default void aNodeShouldBeCreatedOnceWithItsConfiguration() {
        Jid alice = jid("alice");
        PepNodeConfig open = new PepNodeConfig(1, PepAccess.OPEN, false, PepSendLast.ON_SUB_AND_PRESENCE);

        assertThat(pep().create(alice, BOOKMARKS, PRIVATE)).isTrue();
        assertThat(pep().create(alice, BOOKMARKS, open)).isFalse();
        assertThat(pep().create(alice, "urn:xmpp:avatar:metadata", open)).isTrue();

        assertThat(pep().node(alice, BOOKMARKS)).contains(new PepNode(BOOKMARKS, PRIVATE));
        assertThat(pep().nodes(alice)).containsExactly(new PepNode("urn:xmpp:avatar:metadata", open),
                new PepNode(BOOKMARKS, PRIVATE));
        assertThat(pep().node(jid("bob"), BOOKMARKS)).isEmpty();
        assertThat(pep().nodes(jid("bob"))).isEmpty();
    }

    @Test
    default void itemsShouldComeBackOldestFirstWithTheirPayloadAndTime() {
        Jid alice = jid("alice");
        pep().create(alice, BOOKMARKS, PRIVATE);
        PepItem unicode = new PepItem("café@chat.example.org", T0, "<conference xmlns='urn:xmpp:bookmarks:1'"
                + " name='Café ☕ 会议室 &amp; &lt;more&gt;'><nick>Ünï 😀</nick></conference>");

        pep().publish(alice, BOOKMARKS, item("a@chat", 1));
        pep().publish(alice, BOOKMARKS, unicode);
        pep().publish(alice, BOOKMARKS, item("c@chat", 3));

        assertThat(pep().items(alice, BOOKMARKS, 100)).containsExactly(item("a@chat", 1), unicode, item("c@chat", 3));
        assertThat(pep().item(alice, BOOKMARKS, "café@chat.example.org")).contains(unicode);
        assertThat(pep().item(alice, BOOKMARKS, "nobody@chat")).isEmpty();
        assertThat(pep().items(alice, BOOKMARKS, 2)).containsExactly(unicode, item("c@chat", 3));
    }

    @Test
    default void republishingAnIdShouldReplaceTheItemAndMakeItTheNewest() {
        Jid alice = jid("alice");
        pep().create(alice, BOOKMARKS, PRIVATE);
        pep().publish(alice, BOOKMARKS, item("a@chat", 1));
        pep().publish(alice, BOOKMARKS, item("b@chat", 2));

        pep().publish(alice, BOOKMARKS, item("a@chat", 3));

        assertThat(pep().items(alice, BOOKMARKS, 100)).containsExactly(item("b@chat", 2), item("a@chat", 3));
    }

    @Test
    default void publishingBeyondTheMaximumShouldDropTheOldest() {
        Jid alice = jid("alice");
        pep().create(alice, "n", new PepNodeConfig(2, PepAccess.WHITELIST, true, PepSendLast.NEVER));

        assertThat(pep().publish(alice, "n", item("1", 1))).isEmpty();
        assertThat(pep().publish(alice, "n", item("2", 2))).isEmpty();
        assertThat(pep().publish(alice, "n", item("3", 3))).containsExactly("1");

        assertThat(ids(pep().items(alice, "n", 100))).containsExactly("2", "3");
    }

    @Test
    default void loweringTheMaximumShouldDropTheOldestItems() {
        Jid alice = jid("alice");
        pep().create(alice, "n", PRIVATE);
        for (int i = 1; i <= 5; i++) {
            pep().publish(alice, "n", item(Integer.toString(i), i));
        }
        PepNodeConfig smaller = new PepNodeConfig(2, PepAccess.PRESENCE, true, PepSendLast.ON_SUB);

        assertThat(pep().configure(alice, "n", smaller)).isTrue();
        assertThat(pep().configure(alice, "missing", smaller)).isFalse();

        assertThat(pep().node(alice, "n")).contains(new PepNode("n", smaller));
        assertThat(ids(pep().items(alice, "n", 100))).containsExactly("4", "5");
        assertThat(pep().node(alice, "missing")).isEmpty();
    }

    @Test
    default void publishingToAMissingNodeShouldFail() {
        assertThatThrownBy(() -> pep().publish(jid("alice"), "missing", item("1", 1)))
                .isInstanceOf(StoreException.class);
    }

    @Test
    default void retractPurgeAndDeleteShouldRemoveWhatTheyName() {
        Jid alice = jid("alice");
        pep().create(alice, BOOKMARKS, PRIVATE);
        pep().create(alice, "other", PRIVATE);
        pep().publish(alice, BOOKMARKS, item("a@chat", 1));
        pep().publish(alice, BOOKMARKS, item("b@chat", 2));
        pep().publish(alice, "other", item("x", 3));

        assertThat(pep().retract(alice, BOOKMARKS, "a@chat")).isTrue();
        assertThat(pep().retract(alice, BOOKMARKS, "a@chat")).isFalse();
        assertThat(pep().retract(alice, "missing", "a@chat")).isFalse();
        assertThat(ids(pep().items(alice, BOOKMARKS, 100))).containsExactly("b@chat");

        assertThat(pep().purge(alice, BOOKMARKS)).isEqualTo(1);
        assertThat(pep().items(alice, BOOKMARKS, 100)).isEmpty();
        assertThat(pep().node(alice, BOOKMARKS)).isPresent();

        assertThat(pep().delete(alice, BOOKMARKS)).isTrue();
        assertThat(pep().delete(alice, BOOKMARKS)).isFalse();
        assertThat(pep().node(alice, BOOKMARKS)).isEmpty();
        assertThat(ids(pep().items(alice, "other", 100))).containsExactly("x");
    }

    @Test
    default void aDeletedNodeShouldComeBackEmpty() {
        Jid alice = jid("alice");
        pep().create(alice, BOOKMARKS, PRIVATE);
        pep().publish(alice, BOOKMARKS, item("a@chat", 1));
        pep().delete(alice, BOOKMARKS);

        pep().create(alice, BOOKMARKS, PRIVATE);

        assertThat(pep().items(alice, BOOKMARKS, 100)).isEmpty();
    }

    @Test
    default void nodesShouldBeKeptApartPerOwner() {
        pep().create(jid("alice"), BOOKMARKS, PRIVATE);
        pep().create(jid("bob"), BOOKMARKS, PRIVATE);
        pep().publish(jid("alice"), BOOKMARKS, item("a@chat", 1));

        assertThat(pep().items(jid("bob"), BOOKMARKS, 100)).isEmpty();
        assertThat(pep().item(jid("bob"), BOOKMARKS, "a@chat")).isEmpty();
    }

    @Test
    default void deletingTheAccountShouldDeleteItsNodes() {
        Jid alice = jid("alice");
        fixture().store().accounts().create(TestData.account(alice, 1));
        pep().create(alice, BOOKMARKS, PRIVATE);
        pep().publish(alice, BOOKMARKS, item("a@chat", 1));

        fixture().store().accounts().delete(alice);

        assertThat(pep().nodes(alice)).isEmpty();
        assertThat(pep().items(alice, BOOKMARKS, 100)).isEmpty();
    }

    @Test
    default void concurrentPublicationsShouldAllBeKeptUpToTheMaximum() {
        Jid alice = jid("alice");
        pep().create(alice, "n", new PepNodeConfig(150, PepAccess.WHITELIST, true, PepSendLast.NEVER));
        PepStore pep = pep();

        Concurrently.run(2, t -> {
            for (int i = 0; i < 100; i++) {
                pep.publish(alice, "n", item(t + "-" + i, i));
            }
        });

        List<PepItem> items = pep().items(alice, "n", 1000);
        assertThat(items).hasSize(150);
        assertThat(ids(items)).contains("0-99", "1-99").doesNotHaveDuplicates();
    }

    @Test
    default void nodesAndItemsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        Jid alice = jid("alice");
        pep().create(alice, BOOKMARKS, PRIVATE);
        pep().publish(alice, BOOKMARKS, item("a@chat", 1));
        pep().publish(alice, BOOKMARKS, item("b@chat", 2));

        PepStore reopened = fixture().reopen().pep();

        assertThat(reopened.node(alice, BOOKMARKS)).contains(new PepNode(BOOKMARKS, PRIVATE));
        assertThat(reopened.items(alice, BOOKMARKS, 100)).containsExactly(item("a@chat", 1), item("b@chat", 2));
        reopened.publish(alice, BOOKMARKS, item("a@chat", 3));
        assertThat(ids(reopened.items(alice, BOOKMARKS, 100))).containsExactly("b@chat", "a@chat");
        assertThat(reopened.nodes(alice)).hasSize(1);
    }
}
