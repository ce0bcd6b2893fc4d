package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.chat.ChatFixture.ALAN;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.EVE;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.MIKE;
import static org.perch.domain.chat.ChatFixture.OSCAR;
import static org.perch.domain.chat.ChatFixture.PAT;
import static org.perch.domain.chat.ChatFixture.ROOT;
import static org.perch.domain.chat.ChatFixture.plus;
import static org.perch.domain.chat.ChatFixture.refused;
import static org.perch.domain.chat.ChatFixture.users;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perch.core.CategoryId;
import org.perch.core.Principal;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.RoomEvent.RoomChanged;
import org.perch.domain.chat.RoomEvent.RoomCreated;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomSettings;
import org.perch.store.chat.RoomType;

class ChatRoomsRoomTest {

    private final ChatFixture f = new ChatFixture();
    private final ChatRooms chat = f.chat;

    @Test
    void creatorsInScopeShouldCreateRoomsAndBecomeTheirManagers() {
        Room desk = chat.createRoom(CAROL, f.trading.id(), "Desk", "Desk One");

        assertThat(desk.address()).isEqualTo("desk");
        assertThat(desk.category()).isEqualTo(f.trading.id());
        assertThat(desk.settings()).isEqualTo(RoomSettings.DEFAULTS);
        assertThat(desk.settings().privacy()).isEqualTo(Privacy.CLOSED);
        assertThat(desk.settings().type()).isEqualTo(RoomType.NORMAL);
        assertThat(desk.settings().invitations()).isEqualTo(InvitationSetting.INHERIT);
        assertThat(desk.roles().managers()).containsExactly(Principal.user(CAROL));
        assertThat(desk.roles().members()).containsExactly(Principal.user(CAROL));
        assertThat(chat.room(desk.id())).contains(desk);
        assertThat(chat.roomByAddress("DESK")).contains(desk);
        assertThat(f.events).containsExactly(new RoomCreated(desk));
    }

    @Test
    void theOperatorShouldCreateRoomsAnywhereWithoutBecomingTheirManager() {
        Room desk = chat.createRoom(ChatFixture.OPERATOR, f.research.id(), "desk", "Desk");

        assertThat(desk.roles().managers()).isEmpty();
        assertThat(desk.roles().members()).isEmpty();
    }

    @Test
    void aRoomCreatedWithSettingsShouldBeStoredWhole() {
        Room desk = chat.createRoom(ChatFixture.OPERATOR, f.trading.id(), "desk", "Desk", r -> r
                .withSettings(r.settings().withPrivacy(Privacy.SECRET).withType(RoomType.AUDITORIUM))
                .withRoles(new RoomRoles(users(MARY), users(MIKE), users(PAT))));

        assertThat(chat.room(desk.id())).contains(desk);
        assertThat(desk.settings().privacy()).isEqualTo(Privacy.SECRET);
        assertThat(desk.roles().presenters()).isEqualTo(users(PAT));
        assertThat(f.events).containsExactly(new RoomCreated(desk));
    }

    @Test
    void aRoomRefusedAtCreationShouldNotExistAtAll() {
        refused(() -> chat.createRoom(ChatFixture.OPERATOR, f.trading.id(), "desk", "Desk",
                r -> r.withRoles(new RoomRoles(users(EVE), Set.of(), Set.of()))), Reason.INVALID);

        assertThat(chat.roomByAddress("desk")).isEmpty();
        assertThat(chat.roomByName("Desk")).isEmpty();
        assertThat(f.events).isEmpty();
    }

    @Test
    void creatorsOutOfScopeShouldNotCreateRooms() {
        refused(() -> chat.createRoom(EVE, f.trading.id(), "desk", "Desk"), Reason.FORBIDDEN)
                .hasMessage("only creators of category 'Trading' and administrators may create rooms in it");
        refused(() -> chat.createRoom(OSCAR, f.trading.id(), "desk", "Desk"), Reason.FORBIDDEN);

        assertThat(chat.roomByAddress("desk")).isEmpty();
    }

    @Test
    void usersWhoAreNotCreatorsShouldNotCreateRooms() {
        refused(() -> chat.createRoom(MARY, f.trading.id(), "desk", "Desk"), Reason.FORBIDDEN);
    }

    @Test
    void administratorsShouldCreateRoomsInAnyCategory() {
        Room lab = chat.createRoom(ROOT, f.research.id(), "lab", "Lab");

        assertThat(lab.roles().managers()).containsExactly(Principal.user(ROOT));
        assertThat(chat.access(ROOT, lab).isManager()).isTrue();
    }

    @Test
    void creatingARoomInAMissingCategoryShouldBeNotFound() {
        CategoryId nowhere = CategoryId.random();

        refused(() -> chat.createRoom(ROOT, nowhere, "desk", "Desk"), Reason.NOT_FOUND)
                .hasMessage("category " + nowhere + " does not exist");
    }

    @Test
    void roomNamesAndAddressesShouldBeUniqueWithoutRegardToCase() {
        f.room("desk", "Desk");

        refused(() -> chat.createRoom(CAROL, f.trading.id(), "other", "DESK"), Reason.CONFLICT)
                .hasMessage("the name 'DESK' is already in use");
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "Desk", "Another"), Reason.CONFLICT)
                .hasMessage("the address 'desk' is already in use");
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "other", "Trading"), Reason.CONFLICT);
        assertThat(chat.visibleRooms(ROOT)).extracting(Room::name).containsExactly("Desk");
    }

    @Test
    void roomNamesShouldBeUniqueToTheEyeAcrossWidthCompositionAndSpacing() {
        f.room("desk", "Caf\u00e9 Desk");

        refused(() -> chat.createRoom(CAROL, f.trading.id(), "a", "\uff23\uff41\uff46\u00e9 Desk"), Reason.CONFLICT)
                .hasMessage("the name 'Caf\u00e9 Desk' is already in use");
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "b", "Cafe\u0301 Desk"), Reason.CONFLICT);
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "c", "CAF\u00c9\u3000\u00a0 DESK"), Reason.CONFLICT);
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "d", "Caf\u00e9 De\u200bsk"), Reason.INVALID)
                .hasMessage("room name must not contain invisible formatting characters (U+200B)");
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "e", "\u202eksed \u00e9faC"), Reason.INVALID);
        assertThat(chat.visibleRooms(ROOT)).extracting(Room::name).containsExactly("Caf\u00e9 Desk");
    }

    @Test
    void aNameThatLooksLikeAnotherRoomsInAnotherScriptShouldBeTaken() {
        f.room("finance", "Finance");

        refused(() -> chat.createRoom(CAROL, f.trading.id(), "a", "F\u0456nance"), Reason.CONFLICT) // Cyrillic і
                .hasMessage("the name 'F\u0456nance' looks like a name already in use");
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "b", "F\u0399NANCE"), Reason.CONFLICT); // Greek Ι
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "c", "Finan\u0441e"), Reason.CONFLICT); // Cyrillic с
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "d", "fINANCE"), Reason.CONFLICT);
        assertThat(chat.visibleRooms(ROOT)).extracting(Room::name).containsExactly("Finance");
        assertThat(f.events).isEmpty();
    }

    @Test
    void namesThatDifferToTheEyeShouldStayFreeAccentsIncluded() {
        f.room("finance", "Finance");

        chat.createRoom(CAROL, f.trading.id(), "a", "Finances");
        chat.createRoom(CAROL, f.trading.id(), "b", "Financ\u00e9");
        chat.createRoom(CAROL, f.trading.id(), "c", "Fiance");

        assertThat(chat.visibleRooms(ROOT)).extracting(Room::name)
                .containsExactlyInAnyOrder("Finance", "Finances", "Financ\u00e9", "Fiance");
    }

    @Test
    void aRenameShouldNotPassForAnotherRoomButMayForItsOwnName() {
        Room desk = f.room("desk", "Desk");
        f.room("vault", "Vault");

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withName("V\u0430ult")), Reason.CONFLICT)
                .hasMessage("the name 'V\u0430ult' looks like a name already in use");
        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withName("Vau1t")), Reason.CONFLICT);
        assertThat(chat.updateRoom(MIKE, desk.id(), r -> r.withName("D\u0435sk")).name()).isEqualTo("D\u0435sk");
        assertThat(chat.visibleRooms(ROOT)).extracting(Room::name).containsExactlyInAnyOrder("D\u0435sk", "Vault");
    }

    @Test
    void aRenameShouldBeStoredInItsDisplayForm() {
        Room desk = f.room("desk", "Desk");

        assertThat(chat.updateRoom(MIKE, desk.id(), r -> r.withName("\uff26ront  Desk")).name()).isEqualTo("Front Desk");
        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withName("Front\u00ad Desk")), Reason.INVALID);
    }

    @Test
    void roomAddressesShouldFollowTheJidRules() {
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "two words", "Desk"), Reason.INVALID);
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "", "Desk"), Reason.INVALID);
        refused(() -> chat.createRoom(CAROL, f.trading.id(), "desk", " "), Reason.INVALID)
                .hasMessage("room name must not be empty");
    }

    @Test
    void membersShouldNotConfigureRooms() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(MARY, desk.id(), r -> r.withDescription("mine")), Reason.FORBIDDEN)
                .hasMessage("only managers of room 'Desk' and administrators may change it");
        refused(() -> chat.setDisabled(MARY, desk.id(), true), Reason.FORBIDDEN);
        assertThat(chat.room(desk.id())).contains(desk);
    }

    @Test
    void managersShouldChangeNameDescriptionPrivacyTypeAndInvitations() {
        Room desk = f.room("desk", "Desk");

        Room after = chat.updateRoom(MIKE, desk.id(), r -> r.withName("Front Desk").withDescription("quotes")
                .withSettings(r.settings().withPrivacy(Privacy.SECRET).withType(RoomType.AUDITORIUM)
                        .withInvitations(InvitationSetting.OFF)));

        assertThat(chat.room(desk.id())).contains(after);
        assertThat(after.name()).isEqualTo("Front Desk");
        assertThat(after.settings().privacy()).isEqualTo(Privacy.SECRET);
        assertThat(after.settings().invitations()).isEqualTo(InvitationSetting.OFF);
        assertThat(f.events).containsExactly(new RoomChanged(desk, after));
    }

    @Test
    void unchangedRoomShouldNotBeStoredOrAnnounced() {
        Room desk = f.room("desk", "Desk");

        assertThat(chat.updateRoom(MIKE, desk.id(), r -> r)).isEqualTo(desk);
        assertThat(f.events).isEmpty();
    }

    @Test
    void roleEditsShouldRefuseOutOfScopePrincipalsNamingThem() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withRoles(r.roles()
                .withMembers(plus(plus(r.roles().members(), OSCAR), EVE)))), Reason.INVALID)
                .hasMessage("category 'Trading' does not allow user:eve@example.org, user:oscar@other.org");
        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withRoles(r.roles()
                .withManagers(Set.of(new Principal.Domain("other.org"))))), Reason.INVALID)
                .hasMessage("category 'Trading' does not allow domain:other.org");
        assertThat(chat.room(desk.id())).contains(desk);
    }

    @Test
    void administratorsShouldAddThemselvesToAnyRoom() {
        Room desk = f.room("desk", "Desk");

        Room after = chat.updateRoom(ROOT, desk.id(), r -> r.withRoles(r.roles().withMembers(
                plus(r.roles().members(), ROOT))));

        assertThat(after.roles().members()).contains(Principal.user(ROOT));
    }

    @Test
    void movingARoomShouldPurgeEntriesTheNewCategoryDoesNotAllow() {
        Room desk = f.room("desk", "Desk");

        Room moved = chat.updateRoom(ROOT, desk.id(), r -> r.withCategory(f.research.id())
                .withRoles(r.roles().withMembers(plus(r.roles().members(), OSCAR))));

        assertThat(moved.category()).isEqualTo(f.research.id());
        assertThat(moved.roles().managers()).containsExactly(Principal.user(MIKE));
        assertThat(moved.roles().members()).containsExactly(Principal.user(OSCAR));
        assertThat(chat.room(desk.id())).contains(moved);
        assertThat(f.events).containsExactly(new RoomChanged(desk, moved));
    }

    @Test
    void managersShouldMoveRoomsOnlyToCategoriesWhereTheyAreCreators() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withCategory(f.research.id())), Reason.FORBIDDEN)
                .hasMessage("only creators of category 'Research' and administrators may move rooms into it");
        chat.updateCategory(ROOT, f.research.withCreators(users(MIKE, OSCAR)));

        Room moved = chat.updateRoom(MIKE, desk.id(), r -> r.withCategory(f.research.id()));

        assertThat(moved.category()).isEqualTo(f.research.id());
        assertThat(moved.roles().managers()).containsExactly(Principal.user(MIKE));
    }

    @Test
    void movingARoomToAMissingCategoryShouldBeNotFound() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(ROOT, desk.id(), r -> r.withCategory(CategoryId.random())), Reason.NOT_FOUND);
    }

    @Test
    void presentersShouldOnlyBeSetOnAuditoriums() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withRoles(r.roles().withPresenters(users(PAT)))),
                Reason.INVALID).hasMessage("only Auditorium rooms have presenters; 'Desk' is Normal");

        Room stage = chat.updateRoom(MIKE, desk.id(), r -> r.withSettings(r.settings().withType(RoomType.AUDITORIUM))
                .withRoles(r.roles().withPresenters(users(PAT))));
        assertThat(stage.roles().presenters()).containsExactly(Principal.user(PAT));
        assertThat(chat.access(PAT, stage).canPost()).isTrue();
        assertThat(chat.access(MARY, stage).canPost()).isFalse();
        assertThat(chat.access(MIKE, stage).canPost()).isFalse();
    }

    @Test
    void presentersOfClosedAndSecretRoomsShouldBecomeMembers() {
        Room desk = f.room("desk", "Desk");

        Room stage = chat.updateRoom(MIKE, desk.id(), r -> r.withSettings(r.settings().withType(RoomType.AUDITORIUM))
                .withRoles(r.roles().withPresenters(users(PAT))));

        assertThat(stage.roles().members()).containsExactlyInAnyOrderElementsOf(users(CAROL, MARY, PAT));
    }

    @Test
    void turningAnAuditoriumNormalShouldDropItsPresenters() {
        Room desk = f.room("desk", "Desk");
        Room stage = chat.updateRoom(MIKE, desk.id(), r -> r.withSettings(r.settings().withType(RoomType.AUDITORIUM))
                .withRoles(r.roles().withPresenters(users(PAT))));

        Room normal = chat.updateRoom(MIKE, stage.id(), r -> r.withSettings(r.settings().withType(RoomType.NORMAL)));

        assertThat(normal.roles().presenters()).isEmpty();
        assertThat(normal.roles().members()).contains(Principal.user(PAT));
    }

    @Test
    void openRoomsShouldRefuseNewMembersButKeepDormantOnes() {
        Room desk = f.room("desk", "Desk");
        Room open = chat.updateRoom(MIKE, desk.id(), r -> r.withSettings(r.settings().withPrivacy(Privacy.OPEN)));
        assertThat(open.roles().members()).containsExactlyInAnyOrderElementsOf(users(CAROL, MARY));

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withRoles(r.roles()
                .withMembers(plus(r.roles().members(), ALAN)))), Reason.INVALID)
                .hasMessage("Open rooms have no members; cannot add user:alan@example.org");

        Room closedAgain = chat.updateRoom(MIKE, desk.id(), r -> r.withSettings(r.settings()
                .withPrivacy(Privacy.CLOSED)));
        assertThat(closedAgain.roles().members()).containsExactlyInAnyOrderElementsOf(users(CAROL, MARY));
        assertThat(chat.access(ALAN, closedAgain).canJoin()).isFalse();
    }

    @Test
    void openAuditoriumPresentersShouldNotBecomeMembers() {
        Room desk = f.room("desk", "Desk");

        Room open = chat.updateRoom(MIKE, desk.id(), r -> r.withSettings(r.settings().withPrivacy(Privacy.OPEN)
                .withType(RoomType.AUDITORIUM)).withRoles(r.roles().withPresenters(users(PAT))));

        assertThat(open.roles().members()).doesNotContain(Principal.user(PAT));
        assertThat(chat.access(PAT, open).canPost()).isTrue();
        assertThat(chat.access(ALAN, open).canPost()).isFalse();
    }

    @Test
    void renamingARoomShouldKeepNamesUnique() {
        Room desk = f.room("desk", "Desk");
        f.room("pit", "Pit");

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withName("PIT")), Reason.CONFLICT)
                .hasMessage("the name 'PIT' is already in use");
        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withName("research")), Reason.CONFLICT);
        assertThat(chat.updateRoom(MIKE, desk.id(), r -> r.withName("DESK")).name()).isEqualTo("DESK");
    }

    @Test
    void roomIdAndAddressShouldNeverChange() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> new Room(RoomId.random(), r.address(), r.category(),
                r.name(), r.description(), r.settings(), r.roles(), r.subject())), Reason.INVALID)
                .hasMessage("a room's id and address never change");
        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> new Room(r.id(), "elsewhere", r.category(),
                r.name(), r.description(), r.settings(), r.roles(), r.subject())), Reason.INVALID);
    }

    @Test
    void invalidValuesFromAChangeShouldBeRefusedAsInvalid() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withDescription("x".repeat(257))), Reason.INVALID)
                .hasMessage("description is 257 characters; at most 256");
    }

    @Test
    void managersWhoLeftTheScopeShouldNoLongerConfigure() {
        Room desk = f.room("desk", "Desk");
        chat.updateCategory(ROOT, f.trading.withDeniedMembers(users(EVE, MIKE)));

        refused(() -> chat.updateRoom(MIKE, desk.id(), r -> r.withDescription("still mine?")), Reason.NOT_FOUND);
    }
}
