package org.perch.chatdata;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.Account;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;
import org.perch.store.Store;
import org.perch.store.chat.Addin;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.ChatConfiguration;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomSettings;
import org.perch.store.chat.RoomType;

/**
 * A deployment with something in every field: a configuration changed from its defaults, a category with every
 * list and switch set, an add-in, an auditorium with roles and the add-in, a disabled secret room, an empty room,
 * and interleaved history with Unicode text and a moderated message.
 */
final class SampleData {

    static final Instant START = Instant.parse("2026-01-30T09:00:00.123456Z");
    static final Jid ALICE = Jid.of("alice@example.org");
    static final Jid BOB = Jid.of("bob@example.org");
    static final String UNICODE = "Grüße 👋 東京 \"quoted\" \\ back\nsecond line\ttab";

    private SampleData() {
    }

    static void populate(Store store) {
        store.configuration().save(new ChatConfiguration(50, 120, 10_240,
                Optional.of(URI.create("https://rooms.example.org/manage"))));
        Category trading = new Category(org.perch.core.CategoryId.random(), "Trading", "Desks — ünïcode 東京",
                Set.of(Principal.of("domain:example.org"), Principal.of("user:zoe@other.org")),
                Set.of(Principal.of("mallory@example.org")), Set.of(Principal.user(ALICE)),
                new CategoryFlags(true, true, false));
        store.policies().update(new ChatPolicy(PolicyIdentity.GLOBAL, "everyone", true));
        store.policies().create(new ChatPolicy(new PolicyIdentity.Site("Redmond"), "", false));
        store.policies().create(new ChatPolicy(new PolicyIdentity.Tag("Contractors"), "no chat ☕", false));
        Category general = Category.named("general");
        store.categories().create(trading);
        store.categories().create(general);
        store.addins().create(Addin.create("Ticker", "https://apps.example.org/ticker?desk=1&x=%20"));

        Room bondDesk = Room.create("bond-desk", trading.id(), "Bond Desk").withDescription("Rates and bonds")
                .withSettings(new RoomSettings(Privacy.OPEN, RoomType.AUDITORIUM, InvitationSetting.OFF,
                        Optional.of("Ticker"), false))
                .withRoles(new RoomRoles(Set.of(Principal.user(ALICE), Principal.user(BOB)),
                        Set.of(Principal.user(ALICE)), Set.of(Principal.user(BOB))))
                .withSubject("Rates ☕");
        Room archive = Room.create("archive", general.id(), "Archive")
                .withSettings(RoomSettings.DEFAULTS.withPrivacy(Privacy.SECRET).withDisabled(true));
        Room lobby = Room.create("lobby", general.id(), "lobby");
        store.rooms().create(bondDesk);
        store.rooms().create(archive);
        store.rooms().create(lobby);

        // One append per message, alternating rooms, so that ids interleave across rooms.
        post(store, bondDesk, "b1", 0, ALICE, "good morning");
        post(store, archive, "a1", 1, BOB, "old news");
        post(store, bondDesk, "b2", 2, BOB, "to be moderated");
        post(store, bondDesk, "b3", 24 * 60, ALICE, UNICODE);
        post(store, archive, "a2", 24 * 60 + 1, BOB, "day two");
        store.history().retract(bondDesk.id(), "b2", new Retraction(START.plus(Duration.ofMinutes(3)), ALICE, true,
                "off topic"));
    }

    /** An account, as {@code perch user add} would make it (the key bytes do not matter here). */
    static Account account(Jid jid) {
        ScramMechanism sha256 = ScramMechanism.SHA_256;
        byte[] key = new byte[sha256.keyLength()];
        return new Account(jid, Map.of(sha256, new ScramCredential(sha256, new byte[16], 4096, key, key)), false,
                START);
    }

    static void post(Store store, Room room, String stanzaId, long minutes, Jid sender, String body) {
        store.history().append(List.of(new PostedMessage(room.id(), stanzaId, START.plus(Duration.ofMinutes(minutes)),
                sender, sender.local(), body, "<message type='groupchat' id='" + stanzaId + "'><body>" + body
                        + "</body></message>")));
    }
}
