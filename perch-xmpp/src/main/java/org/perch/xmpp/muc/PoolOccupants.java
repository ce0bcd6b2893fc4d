package org.perch.xmpp.muc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.perch.core.Jid;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's occupants across the servers of a pool (ADR 0004). Each server announces its own occupants' arrivals,
 * presence and departures in the pool feed, and keeps the others' occupants as remote ones: shown to its own
 * occupants, sent nothing. Runs as room tasks, on the room's queue; outside a pool every method here does nothing.
 *
 * <p>Two servers may grant one nickname at the same moment. The announcement earlier in the feed keeps it on every
 * server: a server reading an earlier claim than that of its own occupant removes its occupant (status 307, as a
 * kick, since XEP-0045 has no code for it); a later claim is ignored everywhere.
 */
final class PoolOccupants {
    /** The payload of occupant events: Perch's own, read only by Perch servers of one pool. */
    static final String NAMESPACE = "urn:perch:pool:occupant:0";
    private static final Logger LOG = LoggerFactory.getLogger(PoolOccupants.class);

    private PoolOccupants() {
    }

    // ---- telling the pool about this server's occupants ----

    /**
     * Announces a local occupant under a nickname new to it in the room, and returns it with its claim. If the
     * pool cannot be told, the join fails: an occupant the other servers never see could take a nickname twice.
     */
    static Occupant claim(LiveRoom live, Occupant me) {
        if (live.ctx.services().feed().isEmpty()) {
            return me;
        }
        try {
            return me.withClaim(live.publish(PoolEventKind.OCCUPANT, me.nick(), occupant(me)));
        } catch (RuntimeException e) {
            LOG.warn("Could not announce {} in room {} to the pool", me.nick(), live.room.id(), e);
            throw new StanzaException(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                    "the other servers of the pool could not be told; try again");
        }
    }

    /** Announces a local occupant's new presence or standing; if that fails the others keep the old until the next. */
    static void update(LiveRoom live, Occupant me) {
        publishQuietly(live, PoolEventKind.OCCUPANT, me, occupant(me));
    }

    /**
     * Announces that an occupant left: one of this server's, or another server's that this server removed (a kick,
     * a ban), which its own server then removes in turn.
     */
    static void left(LiveRoom live, Occupant o, List<Integer> codes, String newNick) {
        XmlElement.Builder left = XmlElement.builder("left", NAMESPACE).attribute("jid", o.jid().toString());
        if (!codes.isEmpty()) {
            left.attribute("codes", codes.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        if (!newNick.isEmpty()) {
            left.attribute("new-nick", newNick);
        }
        publishQuietly(live, PoolEventKind.OCCUPANT_LEFT, o, left.build());
    }

    /** A stanza for one occupant whose session is on another server (a private message, an IQ between occupants). */
    static void relay(LiveRoom live, Occupant to, XmlElement stanza) {
        live.publish(PoolEventKind.PRIVATE, to.nick(), stanza);
    }

    /**
     * Announces every local occupant again: to a server that started, or, with new claims, after this server was
     * declared gone.
     */
    static void announceAll(LiveRoom live, boolean reclaim) {
        for (Occupant o : List.copyOf(live.occupants.values())) {
            if (!o.isHere()) {
                continue;
            }
            if (reclaim) {
                try {
                    live.occupants.put(o.nick(), claim(live, o));
                } catch (StanzaException e) {
                    // Logged by claim; the occupant stays, unseen by the others until its next presence.
                }
            } else {
                update(live, o);
            }
        }
    }

    // ---- what the other servers announced ----

    /** Applies another server's {@link PoolEventKind#OCCUPANT} or {@link PoolEventKind#OCCUPANT_LEFT} event. */
    static void apply(LiveRoom live, PoolEvent event) {
        XmlElement about = StoredStanza.read(event.payload());
        Jid jid = Jid.parse(about.attributeOr("jid", "")).orElseThrow(() -> new IllegalArgumentException(
                "pool event " + event.position() + " names no occupant JID"));
        String nick = event.subject();
        Occupant holder = live.occupants.get(nick);
        if (event.kind() == PoolEventKind.OCCUPANT_LEFT) {
            if (holder != null && holder.jid().equals(jid)) {
                live.depart(holder, codes(about), about.attributeOr("new-nick", ""));
            }
            return;
        }
        Occupant incoming = new Occupant(jid, nick, about.attributeOr("affiliation", "none"),
                about.attributeOr("role", "participant"), about.child("presence", Namespaces.CLIENT)
                .orElseGet(() -> XmlElement.empty("presence", Namespaces.CLIENT)), Optional.of(event.origin()),
                event.position());
        if (holder != null && holder.jid().equals(jid)) {
            incoming = incoming.withClaim(holder.claim());
        } else if (holder != null) {
            if (!holder.isHere() || holder.claim() < event.position()) {
                return; // the earlier claim keeps the nickname; the later one's server removes its occupant
            }
            LOG.info("Nickname {} in room {} was claimed through server {} first; {} gives it up", nick,
                    live.room.id(), event.origin(), holder.jid());
            live.leave(holder, List.of(OccupantStanzas.KICKED));
        }
        live.occupants.put(nick, incoming);
        live.broadcastPresence(incoming, "", List.of(), "");
    }

    /** Another server's occupant addressed one of this server's privately. */
    static void relayed(LiveRoom live, PoolEvent event) {
        Occupant to = live.occupants.get(event.subject());
        if (to != null && to.isHere()) {
            live.deliver(to, StoredStanza.read(event.payload()).withAttribute("to", to.jid().toString()));
        }
    }

    /** A server has gone (or restarted): its occupants leave, as this server's occupants are told. */
    static void dropServer(LiveRoom live, String server) {
        for (Occupant o : List.copyOf(live.occupants.values())) {
            if (o.home().equals(Optional.of(server))) {
                live.depart(o, List.of(), "");
            }
        }
    }

    private static XmlElement occupant(Occupant o) {
        return XmlElement.builder("occupant", NAMESPACE).attribute("jid", o.jid().toString())
                .attribute("affiliation", o.affiliation()).attribute("role", o.role()).child(o.presence()).build();
    }

    private static List<Integer> codes(XmlElement left) {
        String codes = left.attributeOr("codes", "").strip();
        return codes.isEmpty() ? List.of() : Arrays.stream(codes.split(" ")).map(Integer::valueOf).toList();
    }

    private static void publishQuietly(LiveRoom live, PoolEventKind kind, Occupant o, XmlElement payload) {
        try {
            live.publish(kind, o.nick(), payload);
        } catch (RuntimeException e) {
            LOG.warn("Could not tell the pool of {} for {} in room {}", kind, o.nick(), live.room.id(), e);
        }
    }
}
