package org.perch.domain.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.RoomEvent.RoomChanged;
import org.perch.store.Account;
import org.perch.store.Store;
import org.perch.store.chat.Addin;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatConfiguration;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.Room;

/**
 * Categories and rooms under the Lync rules (spec §3 and §5): who may create, change, disable, move and delete
 * them, and what each user may see. Every {@code requester} is taken as a bare JID; the administrator is the
 * account holding the Persistent Chat administrator role. A room the requester may neither see nor configure is
 * refused with the same {@link Reason#NOT_FOUND}, message included, as a room that does not exist.
 *
 * <p>Thread-safe. Changes are made one at a time in this process (their checks span several store calls), and
 * each is told to the {@link RoomEvents} listener after it is stored, in order, on the caller's thread. Methods
 * block on the store: call them off any event loop.
 *
 * <p>Over 500 lines because it is the domain's one entry point: the work is in {@code CategoryAdmin},
 * {@code RoomAdmin}, {@code AddinAdmin}, {@code PolicyAdmin} and {@code ConfigurationAdmin}, and most methods here
 * are one-line delegations; the access queries ({@link #access}, the visible-rooms listings) are the next to move
 * out, into a class of their own.
 */
public final class ChatRooms {

    private final Store store;
    private final Clock clock;
    private final Jid operator;
    private final ComplianceCapture compliance;
    private final ChangeRunner changes;
    private final ConfigurationAdmin configurationAdmin;
    private final CategoryAdmin categoryAdmin;
    private final RoomAdmin roomAdmin;
    private final AddinAdmin addinAdmin;
    private final PolicyAdmin policyAdmin;

    /**
     * @param operator the identity the server's own administration acts as (its domain JID, with no local part:
     *     what the admin API's local credential stands for); an administrator that no account backs
     */
    public ChatRooms(Store store, ChatSettings settings, Clock clock, RoomEvents events, Jid operator) {
        this(store, settings, clock, events, operator, Optional.empty());
    }

    /**
     * @param operator as above
     * @param site the site this server belongs to, whose {@code site:} policy applies to users with no per-user one
     */
    public ChatRooms(Store store, ChatSettings settings, Clock clock, RoomEvents events, Jid operator,
                     Optional<String> site) {
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operator = Objects.requireNonNull(operator, "operator").toBare();
        if (this.operator.hasLocal()) {
            throw new IllegalArgumentException("the operator is the server's domain JID, not an account: " + operator);
        }
        this.configurationAdmin = new ConfigurationAdmin(this, store, settings);
        this.categoryAdmin = new CategoryAdmin(this, store);
        this.roomAdmin = new RoomAdmin(this, store);
        this.addinAdmin = new AddinAdmin(this, store);
        this.policyAdmin = new PolicyAdmin(this, store, site);
        this.compliance = new ComplianceCapture(store, clock);
        this.changes = new ChangeRunner(store, Objects.requireNonNull(events, "events"), compliance);
    }

    /** History for the message writer and moderation: what they store is in the compliance record exactly then. */
    public HistoryStore capturedHistory() {
        return capturedHistory(Optional.empty());
    }

    /** Like {@link #capturedHistory()}; in a pool, each post also goes into the pool feed in the block storing it. */
    public HistoryStore capturedHistory(Optional<MessageFeed> feed) {
        return capturedHistory(feed, Attachments.NONE);
    }

    /** Like {@link #capturedHistory(Optional)}; files a post carries are bound to its room in the block storing it. */
    public HistoryStore capturedHistory(Optional<MessageFeed> feed, Attachments attachments) {
        return new CapturedHistory(store, compliance, feed, attachments);
    }

    /** The compliance record's capture, which the protocol layer tells of joins, parts and history reads. */
    public ComplianceCapture compliance() {
        return compliance;
    }

    /** The settings in force now: they change, live, when an administrator sets the configuration. */
    public ChatSettings settings() {
        ChatConfiguration c = configurationAdmin.current();
        return new ChatSettings(c.defaultChatHistory(), c.participantUpdateLimit());
    }

    /** The whole configuration in force (Get-CsPersistentChatConfiguration). */
    public ChatConfiguration configuration() {
        return configurationAdmin.current();
    }

    /**
     * Changes the configuration (administrators only; Set-CsPersistentChatConfiguration). It is stored, and in
     * force for every room at once: the next join gets the new history length.
     */
    public ChatConfiguration configure(Jid requester, UnaryOperator<ChatConfiguration> change) {
        return locked(requester, () -> configurationAdmin.configure(requester, change));
    }

    /** Back to the configuration file's values (Remove-CsPersistentChatConfiguration); administrators only. */
    public ChatConfiguration resetConfiguration(Jid requester) {
        return locked(requester, () -> configurationAdmin.reset(requester));
    }

    /** FORBIDDEN unless the requester is an administrator: "only administrators may {@code what}". */
    void requireAdmin(Jid requester, String what) {
        if (!isAdmin(requester)) {
            throw new ChatException(Reason.FORBIDDEN, "only administrators may " + what);
        }
    }

    /** The records check their own shape (lengths, characters); a bad value is the caller's INVALID change. */
    static <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ChatException(Reason.INVALID, e.getMessage());
        }
    }

    /** The server's clock, for callers that stamp what this service lets through (posted messages). */
    public Clock clock() {
        return clock;
    }

    /** Adds a category: administrators only; its name may be neither a category's nor a room's. */
    public Category createCategory(Jid requester, Category category) {
        return locked(requester, () -> categoryAdmin.create(requester.toBare(), category));
    }

    /** Replaces the category; its rooms lose the members, managers and presenters its new scope leaves out. */
    public Category updateCategory(Jid requester, Category category) {
        return locked(requester, () -> categoryAdmin.update(requester.toBare(), category));
    }

    /** Deletes an empty category; one that still has rooms is a {@link Reason#CONFLICT}. */
    public void deleteCategory(Jid requester, CategoryId id) {
        locked(requester, () -> categoryAdmin.delete(requester.toBare(), id));
    }

    /**
     * Creates a Closed, Normal room that inherits its category's invitations, with the requester as its manager and
     * member. Administrators may create rooms anywhere; others must be Creators of the category and in its scope.
     *
     * @param address the local part of the room's JID, fixed for good (case-folded like a JID)
     */
    public Room createRoom(Jid requester, CategoryId category, String address, String name) {
        return createRoom(requester, category, address, name, UnaryOperator.identity());
    }

    /**
     * Like {@link #createRoom(Jid, CategoryId, String, String)}, with the new room then shaped by {@code configure}
     * (privacy, type, roles, description: everything but its id, address and category) and checked against the
     * rules as a whole before anything is stored, so that a refused room is never half created.
     */
    public Room createRoom(Jid requester, CategoryId category, String address, String name,
                           UnaryOperator<Room> configure) {
        return locked(requester, () -> roomAdmin.create(requester.toBare(), category, address, name, configure));
    }

    /**
     * Applies {@code change} to the room and stores the result if it keeps the Lync rules: managers and
     * administrators only; a move to another category needs the Creator role there (or administrator) and drops
     * the roles the new category does not allow, while a plain edit naming principals outside the scope is
     * INVALID; only auditoriums have presenters, who become members of Closed and Secret rooms; nobody joins an
     * Open room's member list.
     */
    public Room updateRoom(Jid requester, RoomId id, UnaryOperator<Room> change) {
        return locked(requester, () -> roomAdmin.update(requester.toBare(), id, change));
    }

    /** Disables or enables the room (managers and administrators); a disabled room keeps all its data. */
    public Room setDisabled(Jid requester, RoomId id, boolean disabled) {
        return locked(requester, () -> roomAdmin.setDisabled(requester.toBare(), id, disabled));
    }

    /** Deletes the room and its history: administrators only; managers can only disable it. */
    public void deleteRoom(Jid requester, RoomId id) {
        locked(requester, () -> roomAdmin.delete(requester.toBare(), id));
    }

    public Optional<Category> category(CategoryId id) {
        return store.categories().find(id);
    }

    /** Every category, sorted by name. */
    public List<Category> categories() {
        return store.categories().list();
    }

    /** The room, whoever may see it: check {@link #access} before showing it to anyone. */
    public Optional<Room> room(RoomId id) {
        return store.rooms().find(id);
    }

    /** Registers an add-in (administrators only); its name must be free. */
    public Addin createAddin(Jid requester, Addin addin) {
        return locked(requester, () -> addinAdmin.create(requester.toBare(), addin));
    }

    /** Changes an add-in's name or URL (administrators only); rooms that show it follow a rename. */
    public Addin updateAddin(Jid requester, String name, UnaryOperator<Addin> change) {
        return locked(requester, () -> addinAdmin.update(requester.toBare(), name, change));
    }

    /**
     * Removes an add-in (administrators only). While rooms show it, that is a {@link Reason#CONFLICT} unless
     * {@code force}, which takes it out of them first.
     */
    public void deleteAddin(Jid requester, String name, boolean force) {
        locked(requester, () -> addinAdmin.delete(requester.toBare(), name, force));
    }

    /** Every registered add-in, sorted by name. */
    public List<Addin> addins() {
        return store.addins().list();
    }

    /** The add-in of that name, in any case. */
    public Optional<Addin> addin(String name) {
        return store.addins().findByName(name);
    }

    /**
     * Deletes every message of the room stamped at or before {@code onOrBefore} (Clear-CsPersistentChatRoom),
     * from history and from search; administrators only. Returns how many went.
     */
    public int clearHistory(Jid requester, RoomId id, Instant onOrBefore) {
        return locked(requester, () -> {
            requireAdmin(requester, "clear a room's history");
            Room room = store.rooms().find(id).orElseThrow(() -> roomNotFound(id));
            List<String> purged = store.history().purge(id, onOrBefore);
            emit(new RoomEvent.HistoryCleared(room, purged));
            return purged.size();
        });
    }

    /**
     * How much history each room holds, in UTF-8 bytes of its messages' bodies and payloads, for the rooms that
     * have any (Get-CsPersistentChatRoom -ChatContentExceedsMB). Reads the whole history.
     */
    public Map<RoomId, Long> historySizes() {
        return store.history().contentSizes();
    }

    /**
     * The accounts that may hold a role in the category's rooms (Get-CsPersistentChatEligiblePrincipal
     * -Category): those its scope includes, by JID, as the filter keeps them; administrators only.
     */
    public List<Jid> eligiblePrincipals(Jid requester, CategoryId category, PrincipalFilter filter) {
        return new EligiblePrincipals(this, store).inCategory(requester.toBare(), category, filter);
    }

    /**
     * The same for a room (-Room): its category's eligible members and managers, or with {@code presenters} an
     * auditorium's eligible presenters, which are the same accounts; INVALID for a Normal room's presenters.
     */
    public List<Jid> eligiblePrincipals(Jid requester, RoomId room, boolean presenters, PrincipalFilter filter) {
        return new EligiblePrincipals(this, store).inRoom(requester.toBare(), room, presenters, filter);
    }

    /**
     * Takes the selected messages out of the room (Remove-CsPersistentChatMessage): each becomes a tombstone holding
     * {@code replacement} (Lync's default text when empty), or, with {@code delete}, is deleted outright; either way
     * it leaves search. Administrators only. Returns how many messages were removed.
     */
    public int removeMessages(Jid requester, RoomId id, MessageSelection selection, boolean delete,
                              Optional<String> replacement) {
        return locked(requester, () -> {
            requireAdmin(requester, "remove messages");
            Room room = store.rooms().find(id).orElseThrow(() -> roomNotFound(id));
            return new MessageRemoval(store.history(), clock).remove(requester.toBare(), room, selection, delete,
                    replacement, this::emit);
        });
    }

    /** Every room, disabled ones too, whoever may see them: for administrators. */
    public List<Room> allRooms() {
        return store.rooms().list();
    }

    /** The category of that name, compared without regard to case. */
    public Optional<Category> categoryByName(String name) {
        return store.categories().findByName(name);
    }

    /** The room of that name (names are unique without regard to case), whoever may see it. */
    public Optional<Room> roomByName(String name) {
        return store.rooms().findByName(name);
    }

    /** The room at this address (case-folded like a JID local part), whoever may see it. */
    public Optional<Room> roomByAddress(String address) {
        return RoomAddress.parse(address).flatMap(a -> store.rooms().findByAddress(a));
    }

    /** What the user may do in the room. */
    public RoomAccess access(Jid user, Room room) {
        Category category = store.categories().find(room.category()).orElseThrow(() -> roomNotFound(room.id()));
        return access(user, room, category);
    }

    /**
     * What the user may do in the room, under a category the caller keeps current (a live room follows its
     * category's changes); the administrator role is read from the accounts only if an answer needs it.
     */
    public RoomAccess access(Jid user, Room room, Category category) {
        return new RoomAccess(category, room, user, () -> isAdmin(user));
    }

    /** The rooms the user may see, sorted by name: what a listing (disco#items) shows them. */
    public List<Room> visibleRooms(Jid user) {
        return allRooms(user, RoomAccess::canSee);
    }

    /** The rooms whose history the user may search, sorted by name: what a search across rooms covers. */
    public List<Room> searchableRooms(Jid user) {
        return allRooms(user, RoomAccess::canSearch);
    }

    /** The rooms in which the user passes {@code test}, sorted by name. */
    public List<Room> allRooms(Jid user, Predicate<RoomAccess> test) {
        Map<CategoryId, Category> categories = store.categories().list().stream()
                .collect(Collectors.toMap(Category::id, Function.identity()));
        return select(user, store.rooms().list(), categories::get, test);
    }

    /** The rooms of one category the user may see, sorted by name; empty for a missing category. */
    public List<Room> visibleRooms(Jid user, CategoryId category) {
        return store.categories().find(category)
                .map(c -> select(user, store.rooms().inCategory(category), id -> c, RoomAccess::canSee))
                .orElse(List.of());
    }

    /** The categories whose rooms the user may be in (its scope), all of them for an administrator; by name. */
    public List<Category> visibleCategories(Jid user) {
        boolean admin = isAdmin(user);
        return categories().stream().filter(c -> admin || new Scope(c).includes(user)).toList();
    }

    /** The categories the user may create rooms in (Creators in scope, or an administrator); by name. */
    public List<Category> creatableCategories(Jid user) {
        boolean admin = isAdmin(user);
        return categories().stream().filter(c -> admin || new Scope(c).hasCreator(user)).toList();
    }

    /** True for an existing account holding the Persistent Chat administrator role, and for the operator. */
    public boolean isAdmin(Jid user) {
        Jid bare = user.toBare();
        if (!bare.hasLocal()) {
            return bare.equals(operator);
        }
        return store.accounts().find(bare).map(Account::admin).orElse(false);
    }

    /**
     * Who may hold a role in the category's rooms: its scope, plus administrators, whom no scope binds (they "can
     * add themselves to any room", spec §5).
     */
    Predicate<Principal> permittedIn(Category category) {
        Scope scope = new Scope(category);
        return p -> scope.allows(p) || (p instanceof Principal.User u && isAdmin(u.jid()));
    }

    /** Category and room names share one namespace, compared without regard to case; a room may keep its own. */
    void requireNameFree(String name, Predicate<Room> self) {
        if (store.categories().findByName(name).isPresent()
                || store.rooms().findByName(name).filter(self.negate()).isPresent()) {
            throw new ChatException(Reason.CONFLICT, "the name '" + name + "' is already in use");
        }
    }

    /** The room's add-in, if it names a different one than before, spelt as registered; INVALID if unregistered. */
    Room withRegisteredAddin(Room before, Room proposed) {
        Optional<String> addin = proposed.settings().addin();
        if (addin.isEmpty() || addin.equals(before.settings().addin())) {
            return proposed;
        }
        String registered = addinAdmin.registered(addin.get()).name();
        return proposed.withSettings(proposed.settings().withAddin(Optional.of(registered)));
    }

    /** Stores the changed room and tells the listener; an unchanged room is left alone and not told. */
    Room replace(Room before, Room after) {
        if (after.equals(before)) {
            return before;
        }
        if (!store.rooms().update(after)) {
            throw new ChatException(Reason.CONFLICT, "room '" + before.name() + "' changed meanwhile; try again");
        }
        emit(new RoomChanged(before, after));
        return after;
    }

    /** Within a change: its event, recorded for compliance in its block and told once the block commits. */
    void emit(RoomEvent event) {
        changes.emit(event);
    }

    static ChatException categoryNotFound(CategoryId id) {
        return new ChatException(Reason.NOT_FOUND, "category " + id + " does not exist");
    }

    /** One text for every missing or hidden room, so that a refusal never tells the two apart. */
    public static final String NO_SUCH_ROOM = "no such room";

    static ChatException roomNotFound(RoomId id) {
        return new ChatException(Reason.NOT_FOUND, NO_SUCH_ROOM);
    }

    // ---- policies (spec §7) ----

    /** Every policy: the global one first, then sites, then per-user policies (Get-CsPersistentChatPolicy). */
    public List<ChatPolicy> policies() {
        return store.policies().list();
    }

    public Optional<ChatPolicy> policy(PolicyIdentity identity) {
        return store.policies().find(identity);
    }

    /** Adds a site or per-user policy (New-CsPersistentChatPolicy); administrators only. */
    public ChatPolicy createPolicy(Jid requester, ChatPolicy policy) {
        return locked(requester, () -> policyAdmin.create(requester, policy));
    }

    /** Changes a policy (Set-CsPersistentChatPolicy); its users are held to it at once. */
    public ChatPolicy updatePolicy(Jid requester, PolicyIdentity identity, UnaryOperator<ChatPolicy> change) {
        return locked(requester, () -> policyAdmin.update(requester, identity, change));
    }

    /** Removes a policy, or restores the global one's defaults (Remove-CsPersistentChatPolicy). */
    public void removePolicy(Jid requester, PolicyIdentity identity, boolean force) {
        locked(requester, () -> policyAdmin.remove(requester, identity, force));
    }

    /** Grants a per-user policy to an account, or takes its grant away (Grant-CsPersistentChatPolicy). */
    public void grantPolicy(Jid requester, Jid user, Optional<PolicyIdentity.Tag> policy) {
        locked(requester, () -> policyAdmin.grant(requester, user, policy));
    }

    /** The policy that decides whether the user may use Persistent Chat. */
    public EffectivePolicy effectivePolicy(Jid user) {
        return policyAdmin.effective(user);
    }

    /**
     * Whether the user may use Persistent Chat at all: join rooms, read and search their history. The operator
     * always may; every account, administrators included, needs a policy that enables it.
     */
    public boolean persistentChatEnabled(Jid user) {
        Jid bare = user.toBare();
        return bare.equals(operator) || policyAdmin.effective(bare).enablesPersistentChat();
    }

    /** FORBIDDEN, with a message saying so, unless {@link #persistentChatEnabled} holds for the user. */
    public void requirePersistentChat(Jid user) {
        if (!persistentChatEnabled(user)) {
            throw new ChatException(Reason.FORBIDDEN, POLICY_DISABLED);
        }
    }

    /** What a user whose policy does not enable Persistent Chat is told, whatever they tried. */
    public static final String POLICY_DISABLED =
            "Persistent Chat is not enabled for you by policy; ask your administrator";

    /** The rooms passing {@code test} for the user, sorted by name; one account read, one category list. */
    private List<Room> select(Jid user, List<Room> rooms, Function<CategoryId, Category> categories,
                              Predicate<RoomAccess> test) {
        boolean admin = isAdmin(user);
        return rooms.stream()
                .filter(r -> Optional.ofNullable(categories.apply(r.category())) // a room newer than the list
                        .map(c -> test.test(new RoomAccess(c, r, user, admin))).orElse(false))
                .sorted(Comparator.comparing(Room::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Room::name))
                .toList();
    }

    /** Runs one change ({@link ChangeRunner}): one at a time, in one store block, told after it commits. */
    private <T> T locked(Jid requester, Supplier<T> work) {
        return changes.run(requester, work);
    }

    private void locked(Jid requester, Runnable work) {
        locked(requester, () -> {
            work.run();
            return null;
        });
    }
}
