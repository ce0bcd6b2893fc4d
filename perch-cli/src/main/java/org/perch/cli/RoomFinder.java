package org.perch.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.cli.Failures.StepFailed;

/**
 * The rooms {@code perch test message} may use, found the way a client finds them: disco#items on the chat
 * service. A room asked for by name, address or JID must be among those the sender sees (joining an address that
 * is no room would create one); with none asked for, the candidates are the rooms both accounts see, by name, for
 * the test to try in turn until both may join one.
 */
final class RoomFinder {

    /** A room as the service lists it. */
    record Room(EntityBareJid jid, String name) {
        @Override
        public String toString() {
            return name + " (" + jid + ")";
        }
    }

    private RoomFinder() {
    }

    static List<Room> candidates(XMPPConnection sender, XMPPConnection receiver, Optional<String> wanted)
            throws Exception {
        if (wanted.isPresent()) {
            return List.of(named(sender, wanted.get()));
        }
        DomainBareJid service = chatService(sender);
        Set<EntityBareJid> seenByReceiver = visible(receiver, service).stream().map(Room::jid)
                .collect(Collectors.toSet());
        List<Room> both = visible(sender, service).stream().filter(r -> seenByReceiver.contains(r.jid()))
                .sorted(Comparator.comparing((Room r) -> r.name().toLowerCase(Locale.ROOT))).toList();
        if (both.isEmpty()) {
            throw new StepFailed("no room on " + service + " that " + sender.getUser().asEntityBareJid() + " and "
                    + receiver.getUser().asEntityBareJid() + " can both see");
        }
        return both;
    }

    /** The room of that name (any case), address (the JID's local part) or JID, as the sender sees it. */
    private static Room named(XMPPConnection sender, String wanted) throws Exception {
        DomainBareJid service = wanted.contains("@") ? JidCreate.entityBareFrom(wanted).asDomainBareJid()
                : chatService(sender);
        for (Room room : visible(sender, service)) {
            if (room.name().equalsIgnoreCase(wanted) || room.jid().toString().equalsIgnoreCase(wanted)
                    || room.jid().getLocalpart().toString().equalsIgnoreCase(wanted)) {
                return room;
            }
        }
        throw new StepFailed("no room named '" + wanted + "' that " + sender.getUser().asEntityBareJid()
                + " can see on " + service);
    }

    private static DomainBareJid chatService(XMPPConnection connection) throws Exception {
        List<DomainBareJid> services = MultiUserChatManager.getInstanceFor(connection).getMucServiceDomains();
        if (services.isEmpty()) {
            throw new StepFailed("the server lists no chat service");
        }
        return services.getFirst();
    }

    private static List<Room> visible(XMPPConnection connection, DomainBareJid service) throws Exception {
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(connection).discoverItems(service);
        List<Room> rooms = new ArrayList<>();
        for (DiscoverItems.Item item : items.getItems()) {
            EntityBareJid jid = item.getEntityID().asEntityBareJidIfPossible();
            if (jid != null) {
                rooms.add(new Room(jid, item.getName() == null ? jid.getLocalpart().toString() : item.getName()));
            }
        }
        return rooms;
    }
}
