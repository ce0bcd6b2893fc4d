package org.perch.xmpp.upload;

import java.util.List;
import java.util.stream.Stream;
import org.perch.domain.files.FileException;
import org.perch.domain.files.FileSharing;
import org.perch.domain.files.FileSlot;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.iq.DiscoHandler;
import org.perch.xmpp.iq.IqDispatcher;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.Component;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;

/**
 * The upload service (XEP-0363): disco#info with identity {@code store/file}, the feature and the
 * {@code max-file-size} form (MaxFileSizeKB, as configured now), and slot requests, answered with a PUT URL and the
 * GET URL to post. Which room a file belongs to is decided when it is posted, not here (ADR 0007).
 */
public final class UploadService implements Component {
    public static final String NS = "urn:xmpp:http:upload:0";

    private final String domain;
    private final FileSharing files;

    public UploadService(String domain, FileSharing files) {
        this.domain = domain;
        this.files = files;
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public void handle(ClientSession from, XmlElement stanza) {
        if (!Stanzas.isIq(stanza)) {
            if (Stanzas.isMessage(stanza) && Stanzas.mayBounce(stanza)) {
                throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "the upload service takes no messages");
            }
            return;
        }
        String type = Stanzas.type(stanza);
        if (!type.equals("get") && !type.equals("set")) {
            return;
        }
        XmlElement payload = IqDispatcher.payloadOf(stanza);
        if (Stanzas.to(stanza).orElseThrow().hasLocal()) {
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        if (payload.is("query", DiscoHandler.INFO)) {
            IqDispatcher.requireGet(stanza, "service discovery");
            from.deliver(Stanzas.result(stanza, DiscoHandler.query(DiscoHandler.INFO, "", info())));
        } else if (payload.is("query", DiscoHandler.ITEMS)) {
            IqDispatcher.requireGet(stanza, "service discovery");
            from.deliver(Stanzas.result(stanza, DiscoHandler.query(DiscoHandler.ITEMS, "", List.of())));
        } else if (payload.is("request", NS)) {
            IqDispatcher.requireGet(stanza, "an upload slot request");
            from.deliver(slot(from, stanza, payload));
        } else {
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
    }

    private List<XmlElement> info() {
        return List.of(DiscoHandler.identity("store", "file", "HTTP File Upload"),
                DiscoHandler.feature(DiscoHandler.INFO), DiscoHandler.feature(NS),
                new DataForm("result", "", "", List.of(DataForm.Field.hidden("FORM_TYPE", NS),
                        new DataForm.Field("max-file-size", "", "", false,
                                List.of(Long.toString(files.maxBytes()))))).toXml());
    }

    private XmlElement slot(ClientSession from, XmlElement iq, XmlElement request) {
        String name = request.attribute("filename").orElseThrow(() -> new StanzaException(
                StanzaErrorCondition.BAD_REQUEST, "the request needs a filename"));
        long size = request.attribute("size").map(UploadService::size).orElseThrow(() -> new StanzaException(
                StanzaErrorCondition.BAD_REQUEST, "the request needs a size in bytes"));
        FileSlot slot;
        try {
            slot = files.requestSlot(from.bareJid(), name, size, request.attribute("content-type"));
        } catch (FileException e) {
            return refusal(iq, e);
        }
        return Stanzas.result(iq, XmlElement.builder("slot", NS)
                .child(XmlElement.builder("put", NS).attribute("url", slot.putUrl()).build())
                .child(XmlElement.builder("get", NS).attribute("url", slot.getUrl()).build())
                .build());
    }

    private static long size(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "the size must be a number of bytes");
        }
    }

    /** XEP-0363 §5: a file too large is not-acceptable with {@code <file-too-large><max-file-size/>}. */
    private static XmlElement refusal(XmlElement iq, FileException e) {
        return switch (e.reason()) {
            case TOO_LARGE -> withApplicationError(Stanzas.error(iq, StanzaErrorCondition.NOT_ACCEPTABLE,
                    e.getMessage()), XmlElement.builder("file-too-large", NS)
                    .textChild("max-file-size", NS, Long.toString(e.maxBytes())).build());
            case NOT_ALLOWED -> Stanzas.error(iq, StanzaErrorCondition.NOT_ALLOWED, e.getMessage());
            default -> Stanzas.error(iq, StanzaErrorCondition.BAD_REQUEST, e.getMessage());
        };
    }

    private static XmlElement withApplicationError(XmlElement reply, XmlElement condition) {
        List<XmlNode> children = reply.children().stream().map(n -> n instanceof XmlElement e && e.name().equals("error")
                ? (XmlNode) new XmlElement(e.name(), e.namespace(), e.attributes(),
                        Stream.concat(e.children().stream(), Stream.of(condition)).toList())
                : n).toList();
        return new XmlElement(reply.name(), reply.namespace(), reply.attributes(), children);
    }

    /** The upload service's address for a server domain. */
    public static String domainFor(String serverDomain) {
        return "upload." + serverDomain;
    }
}
