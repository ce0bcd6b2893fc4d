package org.perch.xmpp.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.perch.core.Jid;
import org.perch.domain.files.FileSharing;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;
import org.perch.xmpp.xml.XmlText;

/**
 * Makes the file URLs in a groupchat message the reader's own (ADR 0007): the body's and the XEP-0066 out-of-band
 * URL's. Stored messages keep the canonical URL; each reader is shown a URL only they can download with. A message
 * without a file URL in its body or out-of-band data is returned as it is, after a substring search.
 */
final class ReaderLinks {
    static final String OOB = "jabber:x:oob";

    private ReaderLinks() {
    }

    /** The text a message offers files in: its body and its out-of-band URLs, one a line. */
    static String fileText(XmlElement message) {
        StringBuilder text = new StringBuilder(message.childText("body", Namespaces.CLIENT).orElse(""));
        for (XmlElement x : message.children("x", OOB)) {
            text.append('\n').append(x.childText("url", OOB).orElse(""));
        }
        return text.toString();
    }

    static XmlElement forReader(Optional<FileSharing> files, XmlElement message, Jid reader) {
        return forReaders(files, message).apply(reader);
    }

    /**
     * The message as each reader is to see it. The search for file URLs is made once, here, so that a broadcast to
     * a room's occupants costs one search, not one per occupant.
     */
    static Function<Jid, XmlElement> forReaders(Optional<FileSharing> files, XmlElement message) {
        if (files.isEmpty() || !files.get().links().mayMention(fileText(message))) {
            return reader -> message;
        }
        FileSharing sharing = files.get();
        return reader -> rewritten(sharing, message, reader);
    }

    private static XmlElement rewritten(FileSharing sharing, XmlElement message, Jid reader) {
        List<XmlNode> children = new ArrayList<>(message.children().size());
        for (XmlNode node : message.children()) {
            if (node instanceof XmlElement e && e.is("body", Namespaces.CLIENT)) {
                children.add(withText(e, sharing.forReader(e.text(), reader)));
            } else if (node instanceof XmlElement e && e.is("x", OOB)) {
                children.add(new XmlElement(e.name(), e.namespace(), e.attributes(), e.children().stream()
                        .map(c -> c instanceof XmlElement url && url.is("url", OOB)
                                ? withText(url, sharing.forReader(url.text(), reader)) : c).toList()));
            } else {
                children.add(node);
            }
        }
        return new XmlElement(message.name(), message.namespace(), message.attributes(), children);
    }

    private static XmlElement withText(XmlElement e, String text) {
        return new XmlElement(e.name(), e.namespace(), e.attributes(), List.of(new XmlText(text)));
    }
}
