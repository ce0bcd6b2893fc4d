package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.perch.testing.RawXmppClient;

/**
 * Issue 9, authorization audit: reading history one may not read. Archive queries (XEP-0313) and searches
 * (XEP-0431) in every shape (paged with RSM, filtered by {@code with}, {@code start}, {@code end} and the #extended
 * ids, the form request, a full-text search) sent to a Closed room by a non-member are {@code forbidden}; sent to a
 * Secret room, or to its occupants, they answer exactly as for a missing room ({@code item-not-found}). A search
 * across the service and queries on a room one may read find nothing of the other rooms, not even through their
 * stanza-ids or message ids. The account itself has no archive ({@code service-unavailable}). Nothing of the hidden
 * messages, not a body nor a count, reaches the asker.
 */
class AdversarialArchiveIT extends AdversarialFixture {
    private static final String RSM = "http://jabber.org/protocol/rsm";

    @RegisterExtension
    final Opened opened = new Opened();
    private RawXmppClient mallory;

    @BeforeEach
    void malloryOnline() {
        mallory = opened.add(raw("mallory", "raw"));
    }

    /** Every shape of archive query, with ID for the IQ's id; the room's address is added by the caller. */
    private static List<String> queries() {
        return List.of(
                "<iq type='get' id='ID'><query xmlns='urn:xmpp:mam:2'/></iq>",
                "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2' queryid='q1'/></iq>",
                "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2'><set xmlns='" + RSM + "'><max>5</max></set>"
                        + "</query></iq>",
                "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2'><set xmlns='" + RSM + "'><max>5</max>"
                        + "<before/></set></query></iq>",
                "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2'><set xmlns='" + RSM + "'><after>"
                        + closedStanzaId + "</after></set></query></iq>",
                "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2'><set xmlns='" + RSM + "'><before>"
                        + secretStanzaId + "</before></set></query></iq>",
                mam(field("with", "bob@localhost")),
                mam(field("start", "2000-01-01T00:00:00Z") + field("end", "2100-01-01T00:00:00Z")),
                mam(field("with", "bob@localhost") + field("start", "2000-01-01T00:00:00Z"), "<set xmlns='" + RSM
                        + "'><max>1</max></set>"),
                mam(field("ids", closedStanzaId, secretStanzaId)),
                mam(field("after-id", "0") + field("before-id", secretStanzaId)),
                mam(field("{urn:xmpp:fulltext:0}fulltext", CLOSED_WORD)),
                mam(field("{urn:xmpp:fulltext:0}fulltext", SECRET_WORD), "<set xmlns='" + RSM + "'><max>1</max></set>"));
    }

    @Test
    @DisplayName("XEP-0313 §5.1.1 on a Closed room: every query by a non-member is forbidden, and reads nothing")
    void everyArchiveQueryToAClosedRoomShouldBeForbidden() {
        for (String query : queries()) {
            String id = nextId();
            String answer = lastStanza(ask(mallory, addressed(query, "vault@chat.localhost", id), id), "iq", id);

            assertThat(condition(answer)).as(query).isEqualTo("forbidden");
            assertThat(answer).as(query).contains("only those who may join read the archive");
        }
        assertNothingHiddenIn(mallory.transcript());
        assertThat(mallory.transcript()).doesNotContain("<result");
    }

    @Test
    @DisplayName("XEP-0313 on a Secret room and its occupants: every query answers exactly as for a missing room")
    void everyArchiveQueryToASecretRoomShouldAnswerAsForAMissingRoom() {
        int n = 0;
        for (String query : queries()) {
            for (String target : List.of(SECRET + "@chat.localhost", "CACHE\u0301E@chat.localhost",
                    SECRET + "@chat.localhost/" + BOB_NICK)) {
                String missing = "nowhere-" + ++n + "@chat.localhost" + (target.contains("/") ? "/" + BOB_NICK : "");
                String id = nextId();
                String secret = lastStanza(ask(mallory, addressed(query, target, id), id), "iq", id);
                String otherId = nextId();
                String absent = lastStanza(ask(mallory, addressed(query, missing, otherId), otherId), "iq", otherId);

                assertThat(condition(secret)).as(target + " " + query).isEqualTo("item-not-found");
                assertThat(neutral(secret, target, id)).as(target + " " + query)
                        .isEqualTo(neutral(absent, missing, otherId));
            }
        }
        assertNothingHiddenIn(mallory.transcript());
        assertThat(mallory.transcript()).doesNotContain("<result");
    }

    @Test
    @DisplayName("XEP-0313 §4: the account has no archive; asking it for a room's messages is service-unavailable")
    void theUsersOwnArchiveShouldHoldNoRoomMessages() {
        for (String to : List.of("", " to='mallory@localhost'")) {
            for (String room : List.of(CLOSED + "@chat.localhost", SECRET + "@chat.localhost")) {
                String id = nextId();
                String answer = lastStanza(ask(mallory, "<iq type='set'" + to + " id='" + id + "'>"
                        + "<query xmlns='urn:xmpp:mam:2'>" + form(field("with", room)) + "</query></iq>", id), "iq", id);

                assertThat(condition(answer)).as(to + " " + room).isEqualTo("service-unavailable");
            }
        }
        assertNothingHiddenIn(mallory.transcript());
    }

    @Test
    @DisplayName("XEP-0431 across the service: words only unreadable rooms hold find nothing, paged or not")
    void aSearchAcrossTheServiceShouldFindNothingOfRoomsOneMayNotRead() {
        for (String query : List.of(
                mam(field("{urn:xmpp:fulltext:0}fulltext", CLOSED_WORD)),
                mam(field("{urn:xmpp:fulltext:0}fulltext", SECRET_WORD)),
                mam(field("{urn:xmpp:fulltext:0}fulltext", SECRET_WORD) + field("with", "bob@localhost")),
                mam(field("{urn:xmpp:fulltext:0}fulltext", CLOSED_WORD), "<set xmlns='" + RSM + "'><after>"
                        + (closedMessageId - 1) + "</after><max>250</max></set>"),
                mam(field("{urn:xmpp:fulltext:0}fulltext", SECRET_WORD), "<set xmlns='" + RSM + "'><before/></set>"))) {
            String id = nextId();
            String answer = lastStanza(ask(mallory, addressed(query, "chat.localhost", id), id), "iq", id);

            assertThat(answer).as(query).contains("type=\"result\"").contains("complete=\"true\"")
                    .doesNotContain("<first").doesNotContain("<count");
        }
        String id = nextId();
        String unsearched = lastStanza(ask(mallory, addressed(mam(field("with", "bob@localhost")), "chat.localhost", id),
                id), "iq", id);
        assertThat(condition(unsearched)).isEqualTo("feature-not-implemented");
        assertNothingHiddenIn(mallory.transcript());
        assertThat(mallory.transcript()).doesNotContain("<result");
    }

    @Test
    @DisplayName("XEP-0313 #extended and RSM on a readable room: another room's ids find nothing there")
    void anotherRoomsIdsShouldFindNothingInARoomOneMayRead() {
        for (String query : List.of(
                mam(field("ids", closedStanzaId, secretStanzaId)),
                mam(field("{urn:xmpp:fulltext:0}fulltext", CLOSED_WORD)),
                mam(field("{urn:xmpp:fulltext:0}fulltext", SECRET_WORD)))) {
            String id = nextId();
            String answer = lastStanza(ask(mallory, addressed(query, "lobby@chat.localhost", id), id), "iq", id);

            assertThat(answer).as(query).contains("type=\"result\"").doesNotContain("<first");
        }
        for (String anchor : List.of(closedStanzaId, secretStanzaId)) {
            for (String query : List.of(
                    "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2'><set xmlns='" + RSM + "'><after>ANCHOR"
                            + "</after></set></query></iq>",
                    mam(field("after-id", "ANCHOR")), mam(field("before-id", "ANCHOR")))) {
                String id = nextId();
                String foreign = lastStanza(ask(mallory, addressed(query.replace("ANCHOR", anchor),
                        "lobby@chat.localhost", id), id), "iq", id);
                String otherId = nextId();
                String unknown = lastStanza(ask(mallory, addressed(query.replace("ANCHOR", "no-such-id"),
                        "lobby@chat.localhost", otherId), otherId), "iq", otherId);

                assertThat(condition(foreign)).as(query).isEqualTo("item-not-found");
                assertThat(neutral(foreign, anchor, id)).isEqualTo(neutral(unknown, "no-such-id", otherId));
            }
        }
        assertNothingHiddenIn(mallory.transcript());
        assertThat(mallory.transcript()).doesNotContain("<result");
    }

    // ---- building queries ----

    private static String addressed(String query, String to, String id) {
        return query.replace("<iq ", "<iq to='" + to + "' ").replace("ID", id);
    }

    private static String mam(String fields) {
        return mam(fields, "");
    }

    private static String mam(String fields, String rsm) {
        return "<iq type='set' id='ID'><query xmlns='urn:xmpp:mam:2'>" + form(fields) + rsm + "</query></iq>";
    }

    private static String form(String fields) {
        return "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2"
                + "</value></field>" + fields + "</x>";
    }

    private static String field(String var, String... values) {
        StringBuilder field = new StringBuilder("<field var='" + var + "'>");
        for (String value : values) {
            field.append("<value>").append(value).append("</value>");
        }
        return field.append("</field>").toString();
    }
}
