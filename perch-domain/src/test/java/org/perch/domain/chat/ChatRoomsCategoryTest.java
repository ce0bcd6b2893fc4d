package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.chat.ChatFixture.ALAN;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.EVE;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.MIKE;
import static org.perch.domain.chat.ChatFixture.PAT;
import static org.perch.domain.chat.ChatFixture.ROOT;
import static org.perch.domain.chat.ChatFixture.refused;
import static org.perch.domain.chat.ChatFixture.users;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perch.core.CategoryId;
import org.perch.core.Principal;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.RoomEvent.CategoryChanged;
import org.perch.domain.chat.RoomEvent.CategoryCreated;
import org.perch.domain.chat.RoomEvent.CategoryDeleted;
import org.perch.domain.chat.RoomEvent.RoomChanged;
import org.perch.store.chat.Category;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;

class ChatRoomsCategoryTest {

    private final ChatFixture f = new ChatFixture();
    private final ChatRooms chat = f.chat;

    @Test
    void onlyAdministratorsShouldManageCategories() {
        refused(() -> chat.createCategory(CAROL, Category.named("Sales")), Reason.FORBIDDEN)
                .hasMessage("only administrators may manage categories");
        refused(() -> chat.updateCategory(CAROL, f.trading.withDescription("mine")), Reason.FORBIDDEN);
        refused(() -> chat.deleteCategory(CAROL, f.research.id()), Reason.FORBIDDEN);

        assertThat(chat.categories()).containsExactly(f.research, f.trading);
        assertThat(f.events).isEmpty();
    }

    @Test
    void administratorsShouldCreateUpdateAndDeleteCategoriesAndTellListeners() {
        Category sales = chat.createCategory(ROOT, Category.named("Sales"));
        Category described = chat.updateCategory(ROOT, sales.withDescription("the sales floor"));
        chat.deleteCategory(ROOT, sales.id());

        assertThat(chat.category(sales.id())).isEmpty();
        assertThat(f.events).containsExactly(new CategoryCreated(sales), new CategoryChanged(sales, described),
                new CategoryDeleted(described));
    }

    @Test
    void categoryNamesShouldBeUniqueWithoutRegardToCase() {
        refused(() -> chat.createCategory(ROOT, Category.named("TRADING")), Reason.CONFLICT)
                .hasMessage("the name 'TRADING' is already in use");
        refused(() -> chat.updateCategory(ROOT, f.research.withName("trading")), Reason.CONFLICT);

        assertThat(chat.category(f.research.id())).contains(f.research);
    }

    @Test
    void categoryShouldNotShareANameWithARoom() {
        f.room("desk", "Desk");

        refused(() -> chat.createCategory(ROOT, Category.named("DESK")), Reason.CONFLICT)
                .hasMessage("the name 'DESK' is already in use");
        refused(() -> chat.updateCategory(ROOT, f.research.withName("desk")), Reason.CONFLICT);
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "other", "research"), Reason.CONFLICT)
                .hasMessage("the name 'research' is already in use");
    }

    @Test
    void deletingACategoryShouldRequireItToBeEmpty() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.deleteCategory(ROOT, f.trading.id()), Reason.CONFLICT)
                .hasMessage("category 'Trading' still has rooms; delete them or move them to another category first");
        assertThat(chat.category(f.trading.id())).isPresent();

        chat.deleteRoom(ROOT, desk.id());
        chat.deleteCategory(ROOT, f.trading.id());
        assertThat(chat.category(f.trading.id())).isEmpty();
    }

    @Test
    void missingCategoriesShouldBeNotFound() {
        CategoryId nowhere = CategoryId.random();

        refused(() -> chat.updateCategory(ROOT, Category.named("Ghost")), Reason.NOT_FOUND);
        refused(() -> chat.deleteCategory(ROOT, nowhere), Reason.NOT_FOUND)
                .hasMessage("category " + nowhere + " does not exist");
    }

    @Test
    void narrowingACategoryScopeShouldPurgeRoomRolesNoLongerAllowed() {
        Room desk = f.room("desk", "Desk");
        Room stage = chat.updateRoom(CAROL, f.room("stage", "Stage").id(), r -> r
                .withSettings(r.settings().withType(RoomType.AUDITORIUM))
                .withRoles(r.roles().withPresenters(users(PAT, MIKE))));
        f.events.clear();

        Category narrowed = chat.updateCategory(ROOT, f.trading.withDeniedMembers(users(EVE, MIKE, PAT)));

        Room deskAfter = chat.room(desk.id()).orElseThrow();
        Room stageAfter = chat.room(stage.id()).orElseThrow();
        assertThat(deskAfter.roles().managers()).containsExactly(Principal.user(CAROL));
        assertThat(deskAfter.roles().members()).containsExactlyInAnyOrderElementsOf(users(CAROL, MARY));
        assertThat(stageAfter.roles().presenters()).isEmpty();
        assertThat(stageAfter.roles().members()).containsExactlyInAnyOrderElementsOf(users(CAROL, MARY));
        assertThat(f.events).containsExactly(new CategoryChanged(f.trading, narrowed),
                new RoomChanged(desk, deskAfter), new RoomChanged(stage, stageAfter));
    }

    @Test
    void widenedCategoryShouldLeaveRoomsAlone() {
        Room desk = f.room("desk", "Desk");

        Category wider = chat.updateCategory(ROOT, f.trading.withAllowedMembers(Set.of(
                new Principal.Domain("example.org"), new Principal.Domain("other.org"))));

        assertThat(chat.room(desk.id())).contains(desk);
        assertThat(f.events).containsExactly(new CategoryChanged(f.trading, wider));
    }

    @Test
    void administratorsShouldKeepTheirRolesWhenAScopeNarrows() {
        Room desk = chat.createRoom(ROOT, f.trading.id(), "desk", "Desk");

        chat.updateCategory(ROOT, f.trading.withAllowedMembers(users(ALAN)));

        assertThat(chat.room(desk.id()).orElseThrow().roles().managers()).containsExactly(Principal.user(ROOT));
    }

    @Test
    void turningCategoryInvitationsOffShouldStopInvitationsInItsRooms() {
        Room desk = f.room("desk", "Desk");
        assertThat(chat.access(MARY, desk).canInvite()).isTrue();

        chat.updateCategory(ROOT, f.trading.withFlags(f.trading.flags().withInvitations(false)));

        assertThat(chat.access(MARY, chat.room(desk.id()).orElseThrow()).canInvite()).isFalse();
        assertThat(chat.room(desk.id()).orElseThrow().settings().privacy()).isEqualTo(Privacy.CLOSED);
    }
}
