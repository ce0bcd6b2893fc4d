package org.perch.xmpp.muc;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.xml.XmlElement;

/**
 * What a joining client asked of the room's history (XEP-0045 §7.2.15): at most {@code maxstanzas} messages
 * (Lync's DefaultChatHistory when it does not say), none older than {@code seconds} or {@code since}, and at
 * most {@code maxchars} characters of XML.
 */
record HistoryRequest(OptionalInt maxStanzas, OptionalInt maxChars, Optional<Instant> notBefore) {

    static HistoryRequest of(XmlElement join, Clock clock) {
        Optional<XmlElement> history = join.child("x", MucNamespaces.MUC).flatMap(x -> x.child("history",
                MucNamespaces.MUC));
        if (history.isEmpty()) {
            return new HistoryRequest(OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
        }
        XmlElement h = history.get();
        Optional<Instant> notBefore = h.attribute("since").map(HistoryRequest::instant);
        OptionalInt seconds = number(h, "seconds");
        if (seconds.isPresent()) {
            Instant fromSeconds = clock.instant().minusSeconds(seconds.getAsInt());
            notBefore = Optional.of(notBefore.filter(i -> i.isAfter(fromSeconds)).orElse(fromSeconds));
        }
        return new HistoryRequest(number(h, "maxstanzas"), number(h, "maxchars"), notBefore);
    }

    HistoryQuery query(RoomId room, int defaultMax) {
        HistoryQuery q = HistoryQuery.latest(room, maxStanzas.orElse(defaultMax));
        return notBefore.map(q::withStart).orElse(q);
    }

    /** Drops the oldest messages until the rest fit in {@code maxchars}, counted on the stored XML. */
    List<ChatMessage> trim(List<ChatMessage> messages) {
        if (maxChars.isEmpty()) {
            return messages;
        }
        int budget = maxChars.getAsInt();
        int from = messages.size();
        while (from > 0 && messages.get(from - 1).payload().length() <= budget) {
            budget -= messages.get(from - 1).payload().length();
            from--;
        }
        return messages.subList(from, messages.size());
    }

    private static OptionalInt number(XmlElement h, String name) {
        Optional<String> value = h.attribute(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.get().strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(n);
        } catch (NumberFormatException e) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "history " + name + " must be a number >= 0");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "history since must be an XEP-0082 DateTime");
        }
    }
}
