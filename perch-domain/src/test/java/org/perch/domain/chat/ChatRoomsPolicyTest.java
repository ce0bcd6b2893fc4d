package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.OPERATOR;
import static org.perch.domain.chat.ChatFixture.ROOT;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyIdentity;

class ChatRoomsPolicyTest {

    private final ChatFixture f = new ChatFixture();
    private final PolicyIdentity.Tag traders = new PolicyIdentity.Tag("Traders");

    ChatRoomsPolicyTest() {
        AccountService accounts = new AccountService(f.store.accounts(), 4096, new SecureRandom(), ChatFixture.CLOCK);
        accounts.add(CAROL, "carol password");
        accounts.add(MARY, "mary password");
    }

    @Test
    void persistentChatShouldBeOffForEveryAccountUntilAPolicyTurnsItOn() {
        assertThat(f.chat.persistentChatEnabled(CAROL)).isFalse();
        assertThat(f.chat.persistentChatEnabled(ROOT)).as("administrators need a policy too").isFalse();
        assertThat(f.chat.persistentChatEnabled(OPERATOR)).as("the server's own operator").isTrue();
        assertThatThrownBy(() -> f.chat.requirePersistentChat(CAROL)).isInstanceOf(ChatException.class)
                .hasMessage(ChatRooms.POLICY_DISABLED)
                .extracting(e -> ((ChatException) e).reason()).isEqualTo(Reason.FORBIDDEN);

        f.chat.updatePolicy(ROOT, PolicyIdentity.GLOBAL, p -> p.withEnablePersistentChat(true));

        assertThat(f.chat.persistentChatEnabled(CAROL)).isTrue();
        assertThat(f.events).containsExactly(new RoomEvent.PoliciesChanged());
    }

    @Test
    void aGrantedPolicyShouldWinOverASiteOneWhichWinsOverTheGlobalOne() {
        ChatRooms onSite = new ChatRooms(f.store, ChatSettings.DEFAULTS, ChatFixture.CLOCK, e -> { }, OPERATOR,
                Optional.of("Redmond"));
        f.chat.updatePolicy(ROOT, PolicyIdentity.GLOBAL, p -> p.withEnablePersistentChat(true));
        f.chat.createPolicy(ROOT, ChatPolicy.defaults(new PolicyIdentity.Site("redmond")));
        f.chat.createPolicy(ROOT, new ChatPolicy(traders, "desks", true));

        assertThat(f.chat.persistentChatEnabled(CAROL)).as("no site: global").isTrue();
        assertThat(onSite.persistentChatEnabled(CAROL)).as("site over global").isFalse();

        f.chat.grantPolicy(ROOT, CAROL, Optional.of(new PolicyIdentity.Tag("TRADERS")));
        assertThat(onSite.persistentChatEnabled(CAROL)).as("granted over site").isTrue();
        assertThat(onSite.effectivePolicy(CAROL).granted()).contains(traders);
        assertThat(onSite.effectivePolicy(MARY).policy().identity()).isEqualTo(new PolicyIdentity.Site("redmond"));

        f.chat.grantPolicy(ROOT, CAROL, Optional.empty());
        assertThat(onSite.persistentChatEnabled(CAROL)).as("grant taken away: site again").isFalse();
    }

    @Test
    void onlyAdministratorsShouldManagePolicies() {
        assertThatThrownBy(() -> f.chat.updatePolicy(CAROL, PolicyIdentity.GLOBAL,
                p -> p.withEnablePersistentChat(true)))
                .hasMessage("only administrators may manage Persistent Chat policies");
        assertThatThrownBy(() -> f.chat.createPolicy(MARY, ChatPolicy.defaults(traders)))
                .hasMessage("only administrators may manage Persistent Chat policies");
        assertThatThrownBy(() -> f.chat.grantPolicy(CAROL, CAROL, Optional.empty()))
                .hasMessage("only administrators may manage Persistent Chat policies");
        assertThat(f.chat.policies()).containsExactly(ChatPolicy.GLOBAL_DEFAULT);
    }

    @Test
    void theGlobalPolicyShouldBeResetRatherThanRemovedOrCreated() {
        f.chat.updatePolicy(OPERATOR, PolicyIdentity.GLOBAL, p -> p.withEnablePersistentChat(true)
                .withDescription("all on"));

        f.chat.removePolicy(OPERATOR, PolicyIdentity.GLOBAL, false);

        assertThat(f.chat.policies()).containsExactly(ChatPolicy.GLOBAL_DEFAULT);
        assertThatThrownBy(() -> f.chat.createPolicy(ROOT, ChatPolicy.defaults(PolicyIdentity.GLOBAL)))
                .hasMessage("the global policy always exists; change it instead");
    }

    @Test
    void aGrantedPolicyShouldBeRemovedOnlyWhenForcedTakingItsGrantsWithIt() {
        f.chat.createPolicy(ROOT, new ChatPolicy(traders, "", true));
        f.chat.grantPolicy(ROOT, CAROL, Optional.of(traders));

        assertThatThrownBy(() -> f.chat.removePolicy(ROOT, traders, false))
                .hasMessage("policy 'tag:Traders' is granted to 1 user(s), such as carol@example.org; grant them"
                        + " another policy, or force the removal");
        assertThat(f.chat.persistentChatEnabled(CAROL)).isTrue();

        f.chat.removePolicy(ROOT, traders, true);

        assertThat(f.chat.policy(traders)).isEmpty();
        assertThat(f.chat.effectivePolicy(CAROL).granted()).isEmpty();
        assertThat(f.chat.persistentChatEnabled(CAROL)).isFalse();
    }

    @Test
    void mistakesShouldBeRefusedWithTheirReason() {
        f.chat.createPolicy(ROOT, ChatPolicy.defaults(traders));

        assertThatThrownBy(() -> f.chat.createPolicy(ROOT, ChatPolicy.defaults(new PolicyIdentity.Tag("traders"))))
                .hasMessage("a policy 'tag:traders' exists already");
        assertThatThrownBy(() -> f.chat.grantPolicy(ROOT, Jid.of("nobody@example.org"), Optional.of(traders)))
                .hasMessage("no account nobody@example.org");
        assertThatThrownBy(() -> f.chat.grantPolicy(ROOT, CAROL, Optional.of(new PolicyIdentity.Tag("Other"))))
                .hasMessage("no policy 'tag:Other'");
        assertThatThrownBy(() -> f.chat.updatePolicy(ROOT, traders, p -> p.withDescription("x".repeat(1025))))
                .hasMessage("description is 1025 characters; at most 1024");
        assertThatThrownBy(() -> f.chat.removePolicy(ROOT, new PolicyIdentity.Site("Nowhere"), true))
                .hasMessage("no policy 'site:Nowhere'");
    }
}
