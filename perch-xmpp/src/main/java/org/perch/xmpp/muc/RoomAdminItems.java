package org.perch.xmpp.muc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomType;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.xml.XmlElement;

/**
 * A manager's changes through muc#admin (XEP-0045 §8, §9, §10), in Lync terms: voice in an auditorium makes a
 * presenter; the member, owner (or admin) and none affiliations edit the members and managers; a kick removes an
 * occupant who may come back; a ban (outcast) takes every role away and removes the user, which in a Closed or
 * Secret room keeps them out. Open rooms have no membership to take away, so a ban there is refused. Room task.
 */
final class RoomAdminItems {
    private final LiveRoom live;

    RoomAdminItems(LiveRoom live) {
        this.live = live;
    }

    void apply(ClientSession from, List<XmlElement> items) {
        for (XmlElement item : items) {
            if (item.attribute("role").isPresent()) {
                role(from, item.attributeOr("nick", ""), item.attribute("role").get());
            } else if (item.attribute("affiliation").isPresent()) {
                Jid user = Jid.parse(item.attributeOr("jid", "")).map(Jid::toBare).filter(Jid::hasLocal)
                        .orElseThrow(() -> new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                                "an affiliation change needs the user's jid"));
                affiliation(from, user, item.attribute("affiliation").get());
            } else {
                throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "an item needs a role or an affiliation");
            }
        }
    }

    private void role(ClientSession from, String nick, String role) {
        Occupant target = live.occupants.get(nick);
        if (target == null) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "no occupant with that nickname");
        }
        boolean auditorium = live.room.settings().type() == RoomType.AUDITORIUM;
        Principal who = Principal.user(target.jid());
        switch (role) {
            case "none" -> {
                if (target.role().equals("moderator")) {
                    throw new StanzaException(StanzaErrorCondition.NOT_ALLOWED, "managers cannot be kicked");
                }
                live.leave(target, List.of(OccupantStanzas.KICKED));
            }
            case "participant" -> {
                if (auditorium) {
                    change(from, r -> r.withRoles(r.roles().withPresenters(plus(r.roles().presenters(), who))));
                }
            }
            case "visitor" -> {
                if (!auditorium) {
                    throw new StanzaException(StanzaErrorCondition.NOT_ALLOWED, "only auditoriums have visitors");
                }
                change(from, r -> r.withRoles(r.roles().withPresenters(minus(r.roles().presenters(), who))));
            }
            default -> throw new StanzaException(StanzaErrorCondition.NOT_ALLOWED,
                    "moderators are the room's managers: give the owner affiliation instead");
        }
    }

    private void affiliation(ClientSession from, Jid user, String affiliation) {
        Principal who = Principal.user(user);
        switch (affiliation) {
            case "owner", "admin" -> change(from, r -> r.withRoles(r.roles().withManagers(plus(r.roles().managers(), who))));
            case "member" -> change(from, r -> r.withRoles(new RoomRoles(
                    r.settings().privacy() == Privacy.OPEN ? r.roles().members() : plus(r.roles().members(), who),
                    minus(r.roles().managers(), who), r.roles().presenters())));
            case "none" -> change(from, r -> r.withRoles(without(r.roles(), who)));
            case "outcast" -> {
                if (live.room.settings().privacy() == Privacy.OPEN) {
                    throw new StanzaException(StanzaErrorCondition.NOT_ALLOWED, "an Open room has no membership to "
                            + "revoke; deny the user in the category instead");
                }
                change(from, r -> r.withRoles(without(r.roles(), who)));
                live.occupants.values().stream().filter(o -> o.jid().toBare().equals(user)).toList()
                        .forEach(o -> live.leave(o, List.of(OccupantStanzas.BANNED)));
            }
            default -> throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "unknown affiliation " + affiliation);
        }
    }

    private void change(ClientSession from, UnaryOperator<Room> change) {
        live.ctx.chat().updateRoom(from.bareJid(), live.room.id(), change);
    }

    private static RoomRoles without(RoomRoles roles, Principal who) {
        return new RoomRoles(minus(roles.members(), who), minus(roles.managers(), who), minus(roles.presenters(), who));
    }

    private static Set<Principal> plus(Set<Principal> set, Principal p) {
        Set<Principal> out = new HashSet<>(set);
        out.add(p);
        return out;
    }

    private static Set<Principal> minus(Set<Principal> set, Principal p) {
        Set<Principal> out = new HashSet<>(set);
        out.remove(p);
        return out;
    }
}
