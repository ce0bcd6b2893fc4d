package org.perch.xmpp.muc;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.domain.chat.HistoryWriter;
import org.perch.domain.chat.RoomModeration;
import org.perch.store.chat.HistoryStore;
import org.perch.xmpp.session.SessionRegistry;

/** What every live room shares: the domain services, the sessions to deliver to, the clock and the workers. */
public record MucContext(String domain, ChatRooms chat, HistoryWriter writer, HistoryStore history,
                         ChatSettings settings, SessionRegistry sessions, Clock clock, Executor executor) {

    RoomModeration moderation() {
        return new RoomModeration(chat, history, clock);
    }
}
