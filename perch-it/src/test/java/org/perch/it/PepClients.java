package org.perch.it;

import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;

/** Raw-stanza PEP requests for the followed-rooms tests: the exact XML XEP-0402 and XEP-0490 clients send. */
final class PepClients {
    static final String BOOKMARKS = "urn:xmpp:bookmarks:1";
    static final String DISPLAYED = "urn:xmpp:mds:displayed:0";
    /** The publish-options XEP-0402 §3.2 and XEP-0490 ask for. */
    static final String PRIVATE = options("true", "max", "never", "whitelist");

    private PepClients() {
    }

    static RawXmppClient login(PerchTestServer server, String user, String resource) {
        RawXmppClient client = RawXmppClient.connect(server.c2sPort());
        client.login(server.sslContext(), user, PerchTestServer.PASSWORD, resource);
        return client;
    }

    static String options(String persist, String maxItems, String sendLast, String access) {
        return "<publish-options><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value>"
                + "</field><field var='pubsub#persist_items'><value>" + persist + "</value></field>"
                + "<field var='pubsub#max_items'><value>" + maxItems + "</value></field>"
                + "<field var='pubsub#send_last_published_item'><value>" + sendLast + "</value></field>"
                + "<field var='pubsub#access_model'><value>" + access + "</value></field></x></publish-options>";
    }

    static String publish(String id, String node, String itemId, String payload, String options) {
        return "<iq type='set' id='" + id + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='"
                + node + "'><item id='" + itemId + "'>" + payload + "</item></publish>" + options + "</pubsub></iq>";
    }

    static String bookmark(String id, String room, String name) {
        return publish(id, BOOKMARKS, room, "<conference xmlns='urn:xmpp:bookmarks:1' name='" + name
                + "' autojoin='true'><nick>desk</nick></conference>", PRIVATE);
    }

    static String displayed(String id, String room, String stanzaId) {
        return publish(id, DISPLAYED, room, "<displayed xmlns='urn:xmpp:mds:displayed:0'><stanza-id"
                + " xmlns='urn:xmpp:sid:0' id='" + stanzaId + "' by='" + room + "'/></displayed>", PRIVATE);
    }

    static String items(String id, String to, String node) {
        return "<iq type='get' id='" + id + "'" + (to.isEmpty() ? "" : " to='" + to + "'")
                + "><pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='" + node + "'/></pubsub></iq>";
    }

    static String followed(String id) {
        return "<iq type='get' id='" + id + "' to='chat.localhost'><followed xmlns='urn:perch:followed:0'/></iq>";
    }

    /** The reply to the IQ with this id, whatever its type. */
    static String reply(RawXmppClient client, String id) {
        return client.expect("<iq[^>]*id=['\"]" + id + "['\"].*?(</iq>|/>)").group();
    }

    /** The reply to the IQ with this id, up to its end tag (for replies with a payload). */
    static String fullReply(RawXmppClient client, String id) {
        return client.expect("<iq[^>]*id=['\"]" + id + "['\"].*?</iq>").group();
    }
}
