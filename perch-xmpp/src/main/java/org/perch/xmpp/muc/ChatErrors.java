package org.perch.xmpp.muc;

import java.util.concurrent.CompletionException;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.StoreUnavailableException;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/** The XMPP error a client sees for a refused domain operation: the closest standard condition. */
final class ChatErrors {

    private ChatErrors() {
    }

    static StanzaException toStanza(ChatException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, e.getMessage());
            case FORBIDDEN -> new StanzaException(StanzaErrorCondition.FORBIDDEN, e.getMessage());
            case CONFLICT -> new StanzaException(StanzaErrorCondition.CONFLICT, e.getMessage());
            case INVALID -> new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, e.getMessage());
            case BUSY -> new StanzaException(StanzaErrorCondition.RESOURCE_CONSTRAINT, e.getMessage());
        };
    }

    /**
     * Why a message was not stored, for its sender: a full history queue, or a store that cannot be reached for the
     * moment (as while a replicated store fails over), is {@code resource-constraint} (type wait: the client may send
     * it again); anything else is the store's own failure.
     */
    static StanzaException storeFailed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ChatException e) {
            return toStanza(e);
        }
        if (cause instanceof StoreUnavailableException) {
            return new StanzaException(StanzaErrorCondition.RESOURCE_CONSTRAINT,
                    "the message store cannot be reached for the moment; try again");
        }
        return new StanzaException(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                "the message could not be stored, so it was not delivered");
    }

    /** The same condition and text for a missing room and for one the asker may not see (ChatRooms#NO_SUCH_ROOM). */
    static StanzaException noSuchRoom() {
        return new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, ChatRooms.NO_SUCH_ROOM);
    }

    /**
     * Whether a stanza (other than a join) sent to a missing room is answered, with {@link #noSuchRoom()}: not errors
     * and results, which are never answered, nor a leave, which has nothing to leave. A room the sender may not see
     * answers the same way.
     */
    static boolean answeredAsMissing(XmlElement stanza) {
        return Stanzas.mayBounce(stanza) && !Stanzas.type(stanza).equals("unavailable");
    }
}
