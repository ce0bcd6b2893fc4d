package org.perch.xmpp.mam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.SearchQuery;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.xml.XmlElement;

/**
 * A parsed archive query (XEP-0313 §4): the form's filters ({@code start}, {@code end}, {@code with}, and the
 * #extended {@code before-id}, {@code after-id}, {@code ids}) and the RSM page ({@code max}, {@code after},
 * {@code before}, empty {@code before} for the last page), plus {@code flip-page}. In a room's archive
 * {@code with} names the poster's real bare JID: Perch rooms are non-anonymous. XEP-0431's {@value #FULLTEXT}
 * field turns the query into a search.
 */
public record MamQuery(String queryId, HistoryQuery history, Optional<String> fulltext, boolean flipPage) {
    /** XEP-0431: the form field that asks for a full-text search. */
    public static final String FULLTEXT = "{urn:xmpp:fulltext:0}fulltext";
    /** Page size when the client does not say (or the largest page, if that is smaller). */
    public static final int DEFAULT_MAX = 50;

    /**
     * Parses a query. An RSM {@code max} above {@code maxPage} is cut down to it: XEP-0059 §2.1 lets a responding
     * entity return fewer items than asked for, and the client pages on from the {@code last} it is given, with
     * {@code complete} unset while there is more.
     */
    public static MamQuery parse(XmlElement query, RoomId room, int maxPage) {
        Optional<DataForm> form = DataForm.in(query);
        int defaultMax = Math.min(DEFAULT_MAX, maxPage);
        HistoryQuery q = HistoryQuery.earliest(room, defaultMax);
        if (form.isPresent()) {
            DataForm f = form.get();
            Optional<String> type = f.formType();
            if (type.isPresent() && !type.get().equals(MamNamespaces.MAM)) {
                throw bad("the query form's FORM_TYPE must be " + MamNamespaces.MAM);
            }
            for (DataForm.Field field : f.fields()) {
                if (!List.of("FORM_TYPE", "start", "end", "with", "before-id", "after-id", "ids", FULLTEXT)
                        .contains(field.var())
                        && !field.values().isEmpty() && !field.values().getFirst().isEmpty()) {
                    throw new StanzaException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                            "the archive cannot filter on '" + field.var() + "'");
                }
            }
            q = apply(q, f);
        }
        Optional<XmlElement> set = query.child("set", MamNamespaces.RSM);
        int max = set.flatMap(s -> s.childText("max", MamNamespaces.RSM)).map(text -> max(text, maxPage))
                .orElse(defaultMax);
        HistoryQuery paged = new HistoryQuery(q.room(), q.start(), q.end(), q.with(), q.ids(), q.after(),
                q.before(), max, false);
        if (set.isPresent()) {
            paged = page(paged, set.get());
        }
        Optional<String> fulltext = form.flatMap(f -> f.value(FULLTEXT)).map(String::strip).filter(t -> !t.isEmpty());
        if (fulltext.isPresent() && !paged.ids().isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                    "a full-text search cannot also filter on ids");
        }
        return new MamQuery(query.attributeOr("queryid", ""), paged, fulltext,
                query.child("flip-page", MamNamespaces.MAM).isPresent());
    }

    /** The search this query asks for, paged by message ids (the caller resolves the RSM markers to ids). */
    public SearchQuery search(OptionalLong afterId, OptionalLong beforeId) {
        return new SearchQuery(Set.of(), fulltext.orElseThrow(), history.start(), history.end(), history.with(),
                afterId, beforeId, history.max(), history.fromEnd());
    }

    private static HistoryQuery apply(HistoryQuery q, DataForm f) {
        HistoryQuery out = q;
        Optional<String> start = f.value("start").filter(s -> !s.isBlank());
        if (start.isPresent()) {
            out = out.withStart(instant(start.get(), "start"));
        }
        Optional<String> end = f.value("end").filter(s -> !s.isBlank());
        if (end.isPresent()) {
            out = out.withEnd(instant(end.get(), "end"));
        }
        Optional<String> with = f.value("with").filter(s -> !s.isBlank());
        if (with.isPresent()) {
            out = out.withSender(Jid.parse(with.get().strip()).orElseThrow(() -> bad("'with' is not a JID")));
        }
        Optional<String> afterId = f.value("after-id").filter(s -> !s.isBlank());
        if (afterId.isPresent()) {
            out = out.after(afterId.get().strip());
        }
        Optional<String> beforeId = f.value("before-id").filter(s -> !s.isBlank());
        if (beforeId.isPresent()) {
            out = out.before(beforeId.get().strip());
        }
        List<String> ids = f.field("ids").map(DataForm.Field::values).orElse(List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split("\\s+"))).filter(v -> !v.isBlank()).toList();
        return ids.isEmpty() ? out : out.withIds(ids);
    }

    private static HistoryQuery page(HistoryQuery q, XmlElement set) {
        HistoryQuery out = q;
        Optional<XmlElement> after = set.child("after", MamNamespaces.RSM);
        Optional<XmlElement> before = set.child("before", MamNamespaces.RSM);
        if (after.isPresent() && before.isPresent()) {
            throw bad("RSM after and before cannot both be given");
        }
        if (after.isPresent()) {
            out = out.after(after.get().text().strip());
        }
        if (before.isPresent()) {
            String id = before.get().text().strip();
            if (!id.isEmpty()) {
                out = out.before(id);
            }
            out = new HistoryQuery(out.room(), out.start(), out.end(), out.with(), out.ids(), out.after(),
                    out.before(), out.max(), true);
        }
        return out;
    }

    private static int max(String text, int maxPage) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 0) {
                throw bad("RSM max must not be negative");
            }
            return Math.min(n, maxPage);
        } catch (NumberFormatException e) {
            throw bad("RSM max must be a number");
        }
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw bad("'" + field + "' must be an XEP-0082 DateTime such as 2026-01-31T12:00:00Z");
        }
    }

    private static StanzaException bad(String text) {
        return new StanzaException(StanzaErrorCondition.BAD_REQUEST, text);
    }
}
