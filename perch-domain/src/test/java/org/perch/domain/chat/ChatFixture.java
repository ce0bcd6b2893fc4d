package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.account.AccountService;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.Room;
import org.perch.store.memory.InMemoryStore;

/**
 * A {@link ChatRooms} over the real in-memory store, with the cast of the tests: everyone at example.org is in the
 * Trading category but Eve (denied); Carol creates rooms there; Root is the administrator and in no scope; Oscar is
 * in the Research category only.
 */
public final class ChatFixture {

    public static final Jid ROOT = Jid.of("root@ops.example.net");
    /** The server's own identity (its domain), as the admin API's local credential acts. */
    public static final Jid OPERATOR = Jid.domainOnly("chat.example.org");
    public static final Jid CAROL = Jid.of("carol@example.org");
    public static final Jid MIKE = Jid.of("mike@example.org");
    public static final Jid PAT = Jid.of("pat@example.org");
    public static final Jid MARY = Jid.of("mary@example.org");
    public static final Jid ALAN = Jid.of("alan@example.org");
    public static final Jid EVE = Jid.of("eve@example.org");
    public static final Jid OSCAR = Jid.of("oscar@other.org");

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    public final Store store = new InMemoryStore();
    public final List<RoomEvent> events = new CopyOnWriteArrayList<>();
    public final ChatRooms chat = new ChatRooms(store, ChatSettings.DEFAULTS, CLOCK, events::add, OPERATOR);
    public final Category trading;
    public final Category research;

    public ChatFixture() {
        AccountService accounts = new AccountService(store.accounts(), 4096, new SecureRandom(), CLOCK);
        accounts.add(ROOT, "root password");
        accounts.grantAdmin(ROOT);
        trading = chat.createCategory(ROOT, Category.named("Trading")
                .withAllowedMembers(Set.of(new Principal.Domain("example.org")))
                .withDeniedMembers(Set.of(Principal.user(EVE)))
                .withCreators(Set.of(Principal.user(CAROL), Principal.user(EVE), Principal.user(OSCAR)))
                .withFlags(CategoryFlags.DEFAULTS.withInvitations(true)));
        research = chat.createCategory(ROOT, Category.named("Research")
                .withAllowedMembers(Set.of(new Principal.Domain("other.org"), Principal.user(MIKE)))
                .withCreators(Set.of(Principal.user(OSCAR))));
        events.clear();
    }

    /** A room Carol created in Trading, with Mike as a second manager and Mary as a member. */
    public Room room(String address, String name) {
        Room r = chat.createRoom(CAROL, trading.id(), address, name);
        Room after = chat.updateRoom(CAROL, r.id(), x -> x.withRoles(x.roles()
                .withManagers(plus(x.roles().managers(), MIKE)).withMembers(plus(x.roles().members(), MARY))));
        events.clear();
        return after;
    }

    public static Set<Principal> users(Jid... jids) {
        return Set.of(Arrays.stream(jids).map(Principal::user).toArray(Principal[]::new));
    }

    public static Set<Principal> plus(Set<Principal> set, Jid user) {
        Set<Principal> s = new HashSet<>(set);
        s.add(Principal.user(user));
        return s;
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable call, Reason reason) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
