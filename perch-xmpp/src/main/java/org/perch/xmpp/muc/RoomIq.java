package org.perch.xmpp.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.chat.RoomAccess;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.iq.DiscoHandler;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.mam.MamNamespaces;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * IQs addressed to a room: its disco#info (what the room is, in MUC features and the Lync terms), the owner's
 * configuration form and destroy (§10), and the affiliation lists (§9, §10). Runs as a room task. A room the
 * asker may not see answers exactly like a missing one.
 */
final class RoomIq {
    /** The URL of the room's add-in, beside its name ({@code perch#addin}), for clients that show it (Lync's pane). */
    static final String ADDIN_URL = "perch#addin_url";

    private final LiveRoom live;

    RoomIq(LiveRoom live) {
        this.live = live;
    }

    void handle(ClientSession from, XmlElement iq) {
        String type = Stanzas.type(iq);
        if (!type.equals("get") && !type.equals("set")) {
            return;
        }
        RoomAccess access = live.access(from.bareJid());
        if (!access.canSee()) {
            throw ChatErrors.noSuchRoom();
        }
        XmlElement payload = IqDispatcher.payloadOf(iq);
        XmlElement reply;
        if (payload.is("query", DiscoHandler.INFO)) {
            IqDispatcher.requireGet(iq, "service discovery");
            reply = Stanzas.result(iq, info(access.canJoin()));
        } else if (payload.is("query", DiscoHandler.ITEMS)) {
            IqDispatcher.requireGet(iq, "service discovery");
            // XEP-0045 §6.5: the occupants, shown only to those who may join (the room is non-anonymous).
            List<XmlElement> items = !access.canJoin() ? List.of() : live.occupants.values().stream()
                    .map(o -> DiscoHandler.item(OccupantStanzas.occupantJid(live.jid, o.nick()), "", "")).toList();
            reply = Stanzas.result(iq, DiscoHandler.query(DiscoHandler.ITEMS, "", items));
        } else if (payload.is("query", MucNamespaces.OWNER)) {
            reply = owner(from, iq, payload, access);
        } else if (payload.is("moderate", Retractions.MODERATE)) {
            reply = Retractions.byModerator(live, from, iq, payload);
        } else if (payload.is("query", MucNamespaces.ADMIN)) {
            reply = admin(from, iq, payload, access);
        } else {
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        from.deliver(reply);
    }

    /**
     * What the room is. Its subject and how many are in it are for those who may join: to anyone else a Closed room
     * shows its name and description only, as it hides its occupants (disco#items) and history.
     */
    private XmlElement info(boolean mayJoin) {
        Room room = live.room;
        List<XmlElement> children = new ArrayList<>();
        children.add(DiscoHandler.identity("conference", "text", room.name()));
        List<String> features = new ArrayList<>(List.of(MucNamespaces.MUC, "muc_persistent", "muc_nonanonymous",
                "muc_unsecured", MucNamespaces.STANZA_ID, MucNamespaces.OCCUPANT_ID, MamNamespaces.MAM,
                MamNamespaces.EXTENDED, MamNamespaces.FULLTEXT, Retractions.RETRACT, Retractions.MODERATE,
                DiscoHandler.INFO,
                DiscoHandler.ITEMS));
        features.add(room.settings().privacy() == Privacy.SECRET ? "muc_hidden" : "muc_public");
        features.add(room.settings().privacy() == Privacy.OPEN ? "muc_open" : "muc_membersonly");
        features.add(room.settings().type() == RoomType.AUDITORIUM ? "muc_moderated" : "muc_unmoderated");
        features.forEach(f -> children.add(DiscoHandler.feature(f)));
        List<DataForm.Field> fields = new ArrayList<>(List.of(
                DataForm.Field.hidden("FORM_TYPE", MucNamespaces.ROOM_INFO),
                value("muc#roominfo_description", room.description())));
        if (mayJoin) {
            fields.add(value("muc#roominfo_subject", room.subject()));
            fields.add(value("muc#roominfo_occupants", Integer.toString(live.occupants.size())));
        }
        fields.addAll(List.of(value("muc#roominfo_lang", "en"),
                value("muc#roomconfig_roomname", room.name()),
                value(RoomConfigForm.CATEGORY, live.category.name()),
                value(RoomConfigForm.PRIVACY, room.settings().privacy().name().toLowerCase(Locale.ROOT)),
                value(RoomConfigForm.TYPE, room.settings().type().name().toLowerCase(Locale.ROOT)),
                value(RoomConfigForm.ADDIN, room.settings().addin().orElse("")),
                value(ADDIN_URL, room.settings().addin().flatMap(live.ctx.chat()::addin)
                        .map(addin -> addin.url().toString()).orElse(""))));
        children.add(new DataForm("result", "", "", fields).toXml());
        return DiscoHandler.query(DiscoHandler.INFO, "", children);
    }

    private XmlElement owner(ClientSession from, XmlElement iq, XmlElement query, RoomAccess access) {
        if (!access.canConfigure()) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "only the room's managers configure it");
        }
        if (Stanzas.type(iq).equals("get")) {
            DataForm form = RoomConfigForm.of(live.room, live.category, live.ctx.settings().defaultChatHistory());
            return Stanzas.result(iq, XmlElement.builder("query", MucNamespaces.OWNER).child(form.toXml()).build());
        }
        if (query.child("destroy", MucNamespaces.OWNER).isPresent()) {
            live.destroy(from.bareJid(), query.child("destroy", MucNamespaces.OWNER).get()
                    .childText("reason", MucNamespaces.OWNER).orElse(""));
            return Stanzas.result(iq);
        }
        DataForm form = DataForm.in(query).orElseThrow(() -> new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                "expected a data form or <destroy/>"));
        if (form.type().equals("cancel")) {
            return Stanzas.result(iq);
        }
        if (!form.type().equals("submit")) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "expected a submitted form");
        }
        // Occupants see the effect when the domain's RoomChanged event reaches the room (LiveRoom#changed).
        live.ctx.chat().updateRoom(from.bareJid(), live.room.id(),
                RoomConfigForm.changes(form, live.ctx.chat().categories()));
        return Stanzas.result(iq);
    }

    /**
     * §9.5, §10.5: the lists of members and owners, which are the Lync members and managers; sets go to
     * {@link RoomAdminItems}.
     */
    private XmlElement admin(ClientSession from, XmlElement iq, XmlElement query, RoomAccess access) {
        if (Stanzas.type(iq).equals("set")) {
            if (!access.canConfigure()) {
                throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "only the room's managers change roles");
            }
            new RoomAdminItems(live).apply(from, query.children("item", MucNamespaces.ADMIN));
            return Stanzas.result(iq);
        }
        if (!access.canJoin()) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "only those who may join see the lists");
        }
        String affiliation = query.child("item", MucNamespaces.ADMIN)
                .flatMap(i -> i.attribute("affiliation")).orElse("");
        Set<Principal> listed = switch (affiliation) {
            case "owner" -> live.room.roles().managers();
            case "member" -> live.room.roles().members();
            case "admin", "outcast" -> Set.of();
            default -> throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "ask for one affiliation");
        };
        XmlElement.Builder list = XmlElement.builder("query", MucNamespaces.ADMIN);
        listed.stream().filter(p -> p instanceof Principal.User).map(p -> ((Principal.User) p).jid()).map(Jid::toString)
                .sorted().forEach(j -> list.child(XmlElement.builder("item", MucNamespaces.ADMIN)
                        .attribute("affiliation", affiliation).attribute("jid", j).build()));
        return Stanzas.result(iq, list.build());
    }

    private static DataForm.Field value(String var, String v) {
        return new DataForm.Field(var, "", "", false, v.isEmpty() ? List.of() : List.of(v));
    }
}
