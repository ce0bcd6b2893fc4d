package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.chat.ChatFixture.ALAN;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.EVE;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.MIKE;
import static org.perch.domain.chat.ChatFixture.OPERATOR;
import static org.perch.domain.chat.ChatFixture.OSCAR;
import static org.perch.domain.chat.ChatFixture.ROOT;
import static org.perch.domain.chat.ChatFixture.refused;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;

/** Get-CsPersistentChatEligiblePrincipal: the accounts a category's scope lets hold roles in its rooms. */
class ChatRoomsEligiblePrincipalTest {

    final ChatFixture f = new ChatFixture();
    final ChatRooms chat = f.chat;

    @BeforeEach
    void accounts() {
        AccountService accounts = new AccountService(f.store.accounts(), 4096, new SecureRandom(), ChatFixture.CLOCK);
        for (Jid user : List.of(CAROL, MIKE, MARY, ALAN, EVE, OSCAR)) {
            accounts.add(user, "password");
        }
    }

    @Test
    void aCategoryShouldListEveryAccountItsScopeIncludesSortedWithoutTheDeniedOrAdministratorsOutsideIt() {
        assertThat(chat.eligiblePrincipals(ROOT, f.trading.id(), PrincipalFilter.ALL))
                .as("example.org without Eve; Root is an administrator in no scope")
                .containsExactly(ALAN, CAROL, MARY, MIKE);
        assertThat(chat.eligiblePrincipals(OPERATOR, f.research.id(), PrincipalFilter.ALL))
                .as("a user and a whole domain, expanded into its accounts").containsExactly(MIKE, OSCAR);
    }

    @Test
    void theFilterAndResultSizeShouldNarrowTheList() {
        assertThat(chat.eligiblePrincipals(ROOT, f.trading.id(), new PrincipalFilter("M*", 10)))
                .containsExactly(MARY, MIKE);
        assertThat(chat.eligiblePrincipals(ROOT, f.trading.id(), new PrincipalFilter("*", 1))).containsExactly(ALAN);
        assertThat(chat.eligiblePrincipals(ROOT, f.trading.id(), new PrincipalFilter("*", 0))).isEmpty();
        assertThat(chat.eligiblePrincipals(ROOT, f.trading.id(), new PrincipalFilter("eve@example.org", 10)))
                .isEmpty();
    }

    @Test
    void aRoomShouldListItsCategorysPrincipalsAndPresentersOnlyForAnAuditorium() {
        Room desk = f.room("desk", "Desk");
        Room stage = chat.updateRoom(CAROL, f.room("stage", "Stage").id(),
                r -> r.withSettings(r.settings().withType(RoomType.AUDITORIUM)));

        assertThat(chat.eligiblePrincipals(ROOT, desk.id(), false, PrincipalFilter.ALL))
                .containsExactly(ALAN, CAROL, MARY, MIKE);
        assertThat(chat.eligiblePrincipals(ROOT, stage.id(), true, new PrincipalFilter("ma*", 10)))
                .containsExactly(MARY);
        refused(() -> chat.eligiblePrincipals(ROOT, desk.id(), true, PrincipalFilter.ALL), Reason.INVALID)
                .hasMessageContaining("only Auditorium rooms have presenters");
    }

    @Test
    void onlyAdministratorsShouldAskAndAMissingCategoryOrRoomShouldBeNotFound() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.eligiblePrincipals(CAROL, f.trading.id(), PrincipalFilter.ALL), Reason.FORBIDDEN);
        refused(() -> chat.eligiblePrincipals(CAROL, desk.id(), false, PrincipalFilter.ALL), Reason.FORBIDDEN);
        refused(() -> chat.eligiblePrincipals(ROOT, CategoryId.random(), PrincipalFilter.ALL), Reason.NOT_FOUND);
        refused(() -> chat.eligiblePrincipals(ROOT, org.perch.core.RoomId.random(), false, PrincipalFilter.ALL),
                Reason.NOT_FOUND);
    }
}
