package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyAssignment;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.PolicyStore;

/** What every {@link PolicyStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface PolicyStoreContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closePolicyStoreFixture() {
        fixture().close();
    }

    private PolicyStore policies() {
        return fixture().store().policies();
    }

    private static PolicyIdentity.Tag tag(String name) {
        return new PolicyIdentity.Tag(name);
    }

    private Jid account(String local) {
        Jid jid = TestData.jid(local);
        fixture().store().accounts().create(TestData.account(local));
        return jid;
    }

    @Test
    default void aNewStoreShouldHoldOnlyTheGlobalPolicyWithPersistentChatOff() {
        assertThat(policies().list()).containsExactly(ChatPolicy.GLOBAL_DEFAULT);
        assertThat(policies().find(PolicyIdentity.GLOBAL)).contains(ChatPolicy.GLOBAL_DEFAULT);
    }

    @Test
    default void theGlobalPolicyShouldNeitherBeCreatedTwiceNorDeleted() {
        assertThat(policies().create(ChatPolicy.defaults(PolicyIdentity.GLOBAL))).isFalse();
        assertThat(policies().delete(PolicyIdentity.GLOBAL)).isFalse();

        ChatPolicy on = ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true).withDescription("everyone");
        assertThat(policies().update(on)).isTrue();
        assertThat(policies().find(PolicyIdentity.GLOBAL)).contains(on);
    }

    @Test
    default void policiesShouldBeFoundWithoutRegardToCaseAndListedGlobalThenSitesThenTags() {
        ChatPolicy traders = new ChatPolicy(tag("Traders"), "the desks", true);
        ChatPolicy redmond = new ChatPolicy(new PolicyIdentity.Site("Redmond"), "", true);
        ChatPolicy auditors = ChatPolicy.defaults(tag("auditors"));
        assertThat(policies().create(traders)).isTrue();
        assertThat(policies().create(redmond)).isTrue();
        assertThat(policies().create(auditors)).isTrue();

        assertThat(policies().create(ChatPolicy.defaults(tag("TRADERS")))).isFalse();
        assertThat(policies().find(tag("traders"))).contains(traders);
        assertThat(policies().find(new PolicyIdentity.Site("REDMOND"))).contains(redmond);
        assertThat(policies().find(new PolicyIdentity.Site("Traders"))).isEmpty();
        assertThat(policies().list()).containsExactly(ChatPolicy.GLOBAL_DEFAULT, redmond, auditors, traders);
    }

    @Test
    default void anUpdateShouldReplaceOnlyAnExistingPolicy() {
        policies().create(ChatPolicy.defaults(tag("Traders")));

        ChatPolicy changed = new ChatPolicy(tag("TRADERS"), "renamed case", true);
        assertThat(policies().update(changed)).isTrue();
        assertThat(policies().update(ChatPolicy.defaults(tag("Nobody")))).isFalse();

        assertThat(policies().find(tag("traders"))).contains(changed);
        assertThat(policies().find(tag("Nobody"))).isEmpty();
    }

    @Test
    default void aGrantShouldNeedBothTheAccountAndThePolicy() {
        Jid alice = account("alice");
        policies().create(ChatPolicy.defaults(tag("Traders")));

        assertThat(policies().grant(TestData.jid("nobody"), tag("Traders"))).isFalse();
        assertThat(policies().grant(alice, tag("Missing"))).isFalse();
        assertThat(policies().grants()).isEmpty();

        assertThat(policies().grant(alice, tag("traders"))).isTrue();
        assertThat(policies().grantOf(alice)).contains(tag("Traders"));
    }

    @Test
    default void aSecondGrantShouldReplaceTheFirstAndRevokeShouldTakeItAway() {
        Jid alice = account("alice");
        Jid bob = account("bob");
        policies().create(ChatPolicy.defaults(tag("Traders")));
        policies().create(ChatPolicy.defaults(tag("Auditors")));
        policies().grant(bob, tag("Traders"));
        policies().grant(alice, tag("Traders"));

        policies().grant(alice, tag("Auditors"));

        assertThat(policies().grants()).containsExactly(new PolicyAssignment(alice, tag("Auditors")),
                new PolicyAssignment(bob, tag("Traders")));
        assertThat(policies().revoke(alice)).isTrue();
        assertThat(policies().revoke(alice)).isFalse();
        assertThat(policies().grantOf(alice)).isEmpty();
    }

    @Test
    default void deletingAPolicyOrAnAccountShouldDeleteTheirGrants() {
        Jid alice = account("alice");
        Jid bob = account("bob");
        policies().create(ChatPolicy.defaults(tag("Traders")));
        policies().grant(alice, tag("Traders"));
        policies().grant(bob, tag("Traders"));

        fixture().store().accounts().delete(bob);
        assertThat(policies().grants()).containsExactly(new PolicyAssignment(alice, tag("Traders")));

        assertThat(policies().delete(tag("TRADERS"))).isTrue();
        assertThat(policies().delete(tag("Traders"))).isFalse();
        assertThat(policies().grantOf(alice)).isEmpty();
        assertThat(policies().find(tag("Traders"))).isEmpty();
    }

    @Test
    default void policiesAndGrantsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        Jid alice = account("alice");
        ChatPolicy traders = new ChatPolicy(tag("Traders"), "désks ☕", true);
        policies().create(traders);
        policies().grant(alice, tag("Traders"));
        policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));

        fixture().reopen();

        assertThat(policies().list()).containsExactly(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true),
                traders);
        assertThat(policies().grantOf(alice)).contains(tag("Traders"));
    }
}
