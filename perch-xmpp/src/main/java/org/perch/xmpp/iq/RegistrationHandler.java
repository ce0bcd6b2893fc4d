package org.perch.xmpp.iq;

import java.util.Optional;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;
import org.perch.domain.account.AccountException;
import org.perch.domain.account.AccountService;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * XEP-0077 in-band registration, off unless {@code registration.enabled} is set. Before authentication it
 * creates accounts; afterwards it changes the user's password or cancels (removes) the account.
 */
public final class RegistrationHandler implements IqHandler {
    public static final String NS = "jabber:iq:register";

    private final AccountService accounts;
    private final String domain;

    public RegistrationHandler(AccountService accounts, String domain) {
        this.accounts = accounts;
        this.domain = domain;
    }

    @Override
    public String namespace() {
        return NS;
    }

    /** Answers a registration IQ sent before authentication (XEP-0077 §3.1). */
    public XmlElement beforeAuth(XmlElement iq) {
        try {
            XmlElement query = IqDispatcher.payloadOf(iq);
            if (Stanzas.type(iq).equals("get")) {
                return Stanzas.result(iq, XmlElement.builder("query", NS)
                        .textChild("instructions", NS, "Choose a username and password to register with " + domain)
                        .child("username", NS).child("password", NS).build());
            }
            if (query.child("remove", NS).isPresent()) {
                throw new StanzaException(StanzaErrorCondition.NOT_AUTHORIZED, "log in to remove an account");
            }
            Jid jid = account(query.childText("username", NS).orElse(""));
            String password = query.childText("password", NS).orElse("");
            if (password.isEmpty()) {
                throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "a password is required");
            }
            try {
                accounts.add(jid, password);
            } catch (AccountException e) {
                throw new StanzaException(accounts.find(jid).isPresent() ? StanzaErrorCondition.CONFLICT
                        : StanzaErrorCondition.NOT_ACCEPTABLE, e.getMessage());
            }
            return Stanzas.result(iq);
        } catch (StanzaException e) {
            return Stanzas.error(iq, e);
        }
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement query) {
        if (Stanzas.type(iq).equals("get")) {
            return Stanzas.result(iq, XmlElement.builder("query", NS).child("registered", NS)
                    .textChild("username", NS, from.bareJid().local()).build());
        }
        if (query.child("remove", NS).isPresent()) {
            accounts.remove(from.bareJid());
            XmlElement result = Stanzas.result(iq);
            from.deliver(result);
            from.closeWithError(org.perch.xmpp.stream.StreamErrorCondition.NOT_AUTHORIZED, "account removed");
            return result;
        }
        Optional<String> username = query.childText("username", NS);
        if (username.isPresent() && !account(username.get()).equals(from.bareJid())) {
            throw new StanzaException(StanzaErrorCondition.NOT_ALLOWED, "you can only change your own password");
        }
        String password = query.childText("password", NS).orElse("");
        try {
            accounts.changePassword(from.bareJid(), password);
        } catch (AccountException e) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, e.getMessage());
        }
        return Stanzas.result(iq);
    }

    private Jid account(String username) {
        try {
            return Jid.bare(username.strip(), domain);
        } catch (InvalidJidException e) {
            throw new StanzaException(StanzaErrorCondition.JID_MALFORMED, e.getMessage());
        }
    }
}
