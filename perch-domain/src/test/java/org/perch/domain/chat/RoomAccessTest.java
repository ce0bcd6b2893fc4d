package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomType;

class RoomAccessTest {

    private static final Jid MIKE = Jid.of("mike@example.org");
    private static final Jid PAT = Jid.of("pat@example.org");
    private static final Jid MARY = Jid.of("mary@example.org");
    private static final Jid ALAN = Jid.of("alan@example.org");
    private static final Jid EVE = Jid.of("eve@example.org");
    private static final Jid OSCAR = Jid.of("oscar@other.org");
    private static final Jid ROOT = Jid.of("root@ops.example.net");

    /** Everyone at example.org but Eve; invitations on, so invite follows join unless a test says otherwise. */
    private static final Category TRADING = Category.named("Trading")
            .withAllowedMembers(Set.of(new Principal.Domain("example.org")))
            .withDeniedMembers(Set.of(Principal.user(EVE)))
            .withFlags(CategoryFlags.DEFAULTS.withInvitations(true));

    /** Mike manages, Pat presents; Eve (denied) and Oscar (of another category) are listed but out of scope. */
    private static final RoomRoles ROLES = new RoomRoles(
            Set.of(Principal.user(PAT), Principal.user(MARY), Principal.user(EVE), Principal.user(OSCAR)),
            Set.of(Principal.user(MIKE)), Set.of(Principal.user(PAT)));

    private static Room room(Privacy privacy, RoomType type) {
        Room r = Room.create("desk", TRADING.id(), "Desk").withRoles(ROLES);
        return r.withSettings(r.settings().withPrivacy(privacy).withType(type));
    }

    private static RoomAccess access(Room room, Jid user) {
        return new RoomAccess(TRADING, room, user, user.equals(ROOT));
    }

    @ParameterizedTest(name = "{0} {1} {2}: see {3} join {4} post {5} read {6} invite {7} configure {8}")
    @CsvSource(textBlock = """
            # privacy, type,    who,       see, join, post, read, invite, configure
            OPEN,   NORMAL,     manager,   Y, Y, Y, Y, Y, Y
            OPEN,   NORMAL,     presenter, Y, Y, Y, Y, Y, N
            OPEN,   NORMAL,     member,    Y, Y, Y, Y, Y, N
            OPEN,   NORMAL,     allowed,   Y, Y, Y, Y, Y, N
            OPEN,   NORMAL,     denied,    N, N, N, N, N, N
            OPEN,   NORMAL,     other,     N, N, N, N, N, N
            OPEN,   NORMAL,     admin,     Y, Y, Y, Y, Y, Y
            OPEN,   AUDITORIUM, manager,   Y, Y, N, Y, Y, Y
            OPEN,   AUDITORIUM, presenter, Y, Y, Y, Y, Y, N
            OPEN,   AUDITORIUM, member,    Y, Y, N, Y, Y, N
            OPEN,   AUDITORIUM, allowed,   Y, Y, N, Y, Y, N
            OPEN,   AUDITORIUM, denied,    N, N, N, N, N, N
            OPEN,   AUDITORIUM, other,     N, N, N, N, N, N
            OPEN,   AUDITORIUM, admin,     Y, Y, N, Y, Y, Y
            CLOSED, NORMAL,     manager,   Y, Y, Y, Y, Y, Y
            CLOSED, NORMAL,     presenter, Y, Y, Y, Y, Y, N
            CLOSED, NORMAL,     member,    Y, Y, Y, Y, Y, N
            CLOSED, NORMAL,     allowed,   Y, N, N, N, N, N
            CLOSED, NORMAL,     denied,    N, N, N, N, N, N
            CLOSED, NORMAL,     other,     N, N, N, N, N, N
            CLOSED, NORMAL,     admin,     Y, Y, Y, Y, Y, Y
            CLOSED, AUDITORIUM, manager,   Y, Y, N, Y, Y, Y
            CLOSED, AUDITORIUM, presenter, Y, Y, Y, Y, Y, N
            CLOSED, AUDITORIUM, member,    Y, Y, N, Y, Y, N
            CLOSED, AUDITORIUM, allowed,   Y, N, N, N, N, N
            CLOSED, AUDITORIUM, denied,    N, N, N, N, N, N
            CLOSED, AUDITORIUM, other,     N, N, N, N, N, N
            CLOSED, AUDITORIUM, admin,     Y, Y, N, Y, Y, Y
            SECRET, NORMAL,     manager,   Y, Y, Y, Y, Y, Y
            SECRET, NORMAL,     presenter, Y, Y, Y, Y, Y, N
            SECRET, NORMAL,     member,    Y, Y, Y, Y, Y, N
            SECRET, NORMAL,     allowed,   N, N, N, N, N, N
            SECRET, NORMAL,     denied,    N, N, N, N, N, N
            SECRET, NORMAL,     other,     N, N, N, N, N, N
            SECRET, NORMAL,     admin,     Y, Y, Y, Y, Y, Y
            SECRET, AUDITORIUM, manager,   Y, Y, N, Y, Y, Y
            SECRET, AUDITORIUM, presenter, Y, Y, Y, Y, Y, N
            SECRET, AUDITORIUM, member,    Y, Y, N, Y, Y, N
            SECRET, AUDITORIUM, allowed,   N, N, N, N, N, N
            SECRET, AUDITORIUM, denied,    N, N, N, N, N, N
            SECRET, AUDITORIUM, other,     N, N, N, N, N, N
            SECRET, AUDITORIUM, admin,     Y, Y, N, Y, Y, Y
            """)
    void accessShouldFollowTheLyncRules(Privacy privacy, RoomType type, String who, String see, String join,
                                        String post, String read, String invite, String configure) {
        Jid user = switch (who) {
            case "manager" -> MIKE;
            case "presenter" -> PAT;
            case "member" -> MARY;
            case "allowed" -> ALAN;
            case "denied" -> EVE;
            case "other" -> OSCAR;
            case "admin" -> ROOT;
            default -> throw new IllegalArgumentException(who);
        };
        RoomAccess a = access(room(privacy, type), user);

        assertThat(new String[] {yes(a.canSee()), yes(a.canJoin()), yes(a.canPost()), yes(a.canReadHistory()),
                yes(a.canInvite()), yes(a.canConfigure())})
                .containsExactly(see, join, post, read, invite, configure);
    }

    private static String yes(boolean b) {
        return b ? "Y" : "N";
    }

    @Test
    void deniedMembersShouldOverrideAllowedMembers() {
        Category both = TRADING.withAllowedMembers(Set.of(Principal.user(EVE), new Principal.Domain("example.org")));
        Room r = Room.create("desk", both.id(), "Desk").withRoles(ROLES);

        RoomAccess eve = new RoomAccess(both, r, EVE, false);

        assertThat(eve.inScope()).isFalse();
        assertThat(eve.isMember()).isFalse();
        assertThat(eve.canSee()).isFalse();
        assertThat(new RoomAccess(both, r, MARY, false).inScope()).isTrue();
    }

    @Test
    void usersOutsideTheScopeShouldGetNothingEvenWhenListed() {
        Room r = room(Privacy.CLOSED, RoomType.AUDITORIUM)
                .withRoles(ROLES.withManagers(Set.of(Principal.user(OSCAR))).withPresenters(Set.of(Principal.user(OSCAR))));

        RoomAccess oscar = access(r, OSCAR);

        assertThat(oscar.inScope()).isFalse();
        assertThat(oscar.isManager()).isFalse();
        assertThat(oscar.isPresenter()).isFalse();
        assertThat(oscar.isMember()).isFalse();
        assertThat(oscar.canSee() || oscar.canJoin() || oscar.canPost() || oscar.canConfigure()).isFalse();
    }

    @Test
    void managersNoLongerInScopeShouldNotConfigure() {
        Category narrowed = TRADING.withDeniedMembers(Set.of(Principal.user(MIKE)));
        Room r = Room.create("desk", narrowed.id(), "Desk").withRoles(ROLES);

        assertThat(new RoomAccess(TRADING, room(Privacy.CLOSED, RoomType.NORMAL), MIKE, false).canConfigure()).isTrue();
        assertThat(new RoomAccess(narrowed, r, MIKE, false).canConfigure()).isFalse();
    }

    @Test
    void managersShouldJoinMembersOnlyRoomsWithoutBeingListedAsMembers() {
        RoomAccess mike = access(room(Privacy.SECRET, RoomType.NORMAL), MIKE);

        assertThat(mike.isMember()).isFalse();
        assertThat(mike.isManager()).isTrue();
        assertThat(mike.canJoin()).isTrue();
    }

    @Test
    void presentersShouldOnlyPostInAuditoriums() {
        Room auditorium = room(Privacy.CLOSED, RoomType.AUDITORIUM);

        assertThat(access(auditorium, PAT).canPost()).isTrue();
        assertThat(access(auditorium, MARY).canPost()).isFalse();
        assertThat(access(auditorium, MIKE).canPost()).as("a manager who is not a presenter").isFalse();
        assertThat(access(auditorium, ROOT).canPost()).as("an administrator who is not a presenter").isFalse();
        Room withRootPresenting = auditorium.withRoles(ROLES.withPresenters(Set.of(Principal.user(ROOT))));
        assertThat(access(withRootPresenting, ROOT).canPost()).isTrue();
    }

    @Test
    void invitationsShouldNeedTheCategoryOnAndTheRoomInheriting() {
        Room inherit = room(Privacy.CLOSED, RoomType.NORMAL);
        Room off = inherit.withSettings(inherit.settings().withInvitations(InvitationSetting.OFF));
        Category categoryOff = TRADING.withFlags(CategoryFlags.DEFAULTS.withInvitations(false));

        assertThat(access(inherit, MARY).canInvite()).isTrue();
        assertThat(access(off, MARY).canInvite()).isFalse();
        assertThat(new RoomAccess(categoryOff, inherit, MARY, false).canInvite()).isFalse();
        assertThat(access(inherit, ALAN).canInvite()).as("cannot join, so cannot invite").isFalse();
    }

    @Test
    void disabledRoomShouldBeSeenOnlyByAdministratorsAndJoinedByNobody() {
        Room open = room(Privacy.OPEN, RoomType.NORMAL);
        Room disabled = open.withSettings(open.settings().withDisabled(true));

        for (Jid user : new Jid[] {MIKE, PAT, MARY, ALAN}) {
            RoomAccess a = access(disabled, user);
            assertThat(a.canSee() || a.canJoin() || a.canPost() || a.canReadHistory() || a.canSearch())
                    .as(user.toString()).isFalse();
        }
        assertThat(access(disabled, ROOT).canSee()).isTrue();
        assertThat(access(disabled, ROOT).canJoin()).isFalse();
        assertThat(access(disabled, MIKE).canConfigure()).as("so the manager can enable it again").isTrue();
    }

    @Test
    void searchAndHistoryShouldFollowJoin() {
        RoomAccess alanOpen = access(room(Privacy.OPEN, RoomType.NORMAL), ALAN);
        RoomAccess alanClosed = access(room(Privacy.CLOSED, RoomType.NORMAL), ALAN);

        assertThat(alanOpen.canSearch()).isTrue();
        assertThat(alanOpen.canReadHistory()).isTrue();
        assertThat(alanClosed.canSearch()).isFalse();
        assertThat(alanClosed.canReadHistory()).isFalse();
    }

    @Test
    void onlyAdministratorsShouldDeleteRooms() {
        Room r = room(Privacy.CLOSED, RoomType.NORMAL);

        assertThat(access(r, ROOT).canDelete()).isTrue();
        assertThat(access(r, MIKE).canDelete()).isFalse();
    }

    @Test
    void administratorsShouldBeBoundByNoScope() {
        RoomAccess root = access(room(Privacy.SECRET, RoomType.NORMAL), ROOT);

        assertThat(root.inScope()).isFalse();
        assertThat(root.canSee()).isTrue();
        assertThat(root.canJoin()).isTrue();
        assertThat(root.canConfigure()).isTrue();
    }

    @Test
    void accessShouldUseTheBareJid() {
        RoomAccess mary = access(room(Privacy.CLOSED, RoomType.NORMAL), MARY.withResource("phone"));

        assertThat(mary.user()).isEqualTo(MARY);
        assertThat(mary.canJoin()).isTrue();
    }

    @Test
    void aMemberInScopePostingShouldNeverCostAnAccountRead() {
        AtomicInteger lookups = new AtomicInteger();
        RoomAccess mary = new RoomAccess(TRADING, room(Privacy.OPEN, RoomType.NORMAL), MARY, () -> {
            lookups.incrementAndGet();
            return false;
        });

        assertThat(mary.canPost()).isTrue();
        assertThat(mary.canSee()).isTrue();
        assertThat(lookups).hasValue(0);
    }

    @Test
    void theAdministratorRoleShouldBeLookedUpOnceWhenAnAnswerDependsOnIt() {
        AtomicInteger lookups = new AtomicInteger();
        RoomAccess root = new RoomAccess(TRADING, room(Privacy.SECRET, RoomType.NORMAL), ROOT, () -> {
            lookups.incrementAndGet();
            return true;
        });

        assertThat(root.canSee()).isTrue();
        assertThat(root.canJoin()).isTrue();
        assertThat(root.canDelete()).isTrue();
        assertThat(lookups).hasValue(1);
    }
}
