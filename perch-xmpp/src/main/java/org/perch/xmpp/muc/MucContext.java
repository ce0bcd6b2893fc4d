package org.perch.xmpp.muc;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.domain.chat.HistoryWriter;
import org.perch.domain.chat.RoomModeration;
import org.perch.domain.chat.RoomSearch;
import org.perch.store.chat.HistoryStore;
import org.perch.store.pep.PepStore;
import org.perch.xmpp.session.SessionRegistry;

/**
 * What every live room shares: the domain services, the sessions to deliver to, the clock and the workers.
 *
 * @param maxArchivePage the most messages one archive query returns (XEP-0313 with XEP-0059 paging)
 * @param pep the accounts' PEP nodes, where their followed rooms (XEP-0402) and read markers (XEP-0490) are
 */
public record MucContext(String domain, ChatServices services, SessionRegistry sessions, Clock clock,
                         Executor executor, int maxArchivePage, PepStore pep) {

    ChatRooms chat() {
        return services.rooms();
    }

    HistoryWriter writer() {
        return services.writer();
    }

    HistoryStore history() {
        return services.history();
    }

    ChatSettings settings() {
        return services.rooms().settings();
    }

    RoomModeration moderation() {
        return services.moderation();
    }

    RoomSearch search() {
        return services.search();
    }
}
