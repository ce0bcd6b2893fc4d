package org.perch.xmpp.adhoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.perch.domain.account.AccountService;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.iq.DiscoHandler;
import org.perch.xmpp.iq.IqHandler;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * XEP-0050 ad-hoc commands on the server, carrying the XEP-0133 administration commands. Only Persistent Chat
 * administrators see or run them. A command takes two steps: execute (the server answers with a form) and
 * submit (the server carries it out); a submitted form alone is accepted as well, as XEP-0050 §3.4 allows.
 */
public final class AdHocCommands implements IqHandler, DiscoHandler.DiscoNodes {
    public static final String NS = "http://jabber.org/protocol/commands";

    private final AccountService accounts;
    private final Map<String, AdminCommand> commands;

    public AdHocCommands(AccountService accounts, String domain) {
        this.accounts = accounts;
        this.commands = UserCommands.all(accounts, domain).stream()
                .collect(Collectors.toMap(AdminCommand::node, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload) {
        if (!Stanzas.type(iq).equals("set")) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "commands are executed with an IQ set");
        }
        String node = payload.attributeOr("node", "");
        AdminCommand command = commands.get(node);
        if (command == null) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "no command " + node);
        }
        if (!accounts.isAdmin(from.bareJid())) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "only administrators may run " + command.name());
        }
        String action = payload.attributeOr("action", "execute");
        String sessionId = payload.attribute("sessionid").orElseGet(() -> UUID.randomUUID().toString());
        if (action.equals("cancel")) {
            return Stanzas.result(iq, reply(node, sessionId, "canceled").build());
        }
        Optional<DataForm> submitted = DataForm.in(payload).filter(f -> f.type().equals("submit"));
        if (submitted.isEmpty()) {
            List<DataForm.Field> fields = new ArrayList<>();
            fields.add(DataForm.Field.hidden("FORM_TYPE", AdminCommand.ADMIN_NS));
            fields.addAll(command.fields());
            return Stanzas.result(iq, reply(node, sessionId, "executing")
                    .child(XmlElement.builder("actions", NS).attribute("execute", "complete").child("complete", NS)
                            .build())
                    .child(new DataForm("form", command.name(), "Fill out this form", fields).toXml())
                    .build());
        }
        String note = command.execute(submitted.get());
        return Stanzas.result(iq, reply(node, sessionId, "completed")
                .child(XmlElement.builder("note", NS).attribute("type", "info").text(note).build())
                .build());
    }

    private static XmlElement.Builder reply(String node, String sessionId, String status) {
        return XmlElement.builder("command", NS).attribute("node", node).attribute("sessionid", sessionId)
                .attribute("status", status);
    }

    @Override
    public Optional<List<XmlElement>> items(ClientSession from, String node) {
        if (!node.equals(NS)) {
            return Optional.empty();
        }
        if (!accounts.isAdmin(from.bareJid())) {
            return Optional.of(List.of());
        }
        String server = from.context().settings().domain();
        return Optional.of(commands.values().stream()
                .map(c -> DiscoHandler.item(server, c.node(), c.name())).toList());
    }

    @Override
    public Optional<List<XmlElement>> info(ClientSession from, String node) {
        if (node.equals(NS)) {
            return Optional.of(List.of(DiscoHandler.identity("automation", "command-list", "Commands")));
        }
        AdminCommand command = commands.get(node);
        if (command == null || !accounts.isAdmin(from.bareJid())) {
            return Optional.empty();
        }
        return Optional.of(List.of(DiscoHandler.identity("automation", "command-node", command.name()),
                DiscoHandler.feature(NS), DiscoHandler.feature(DataForm.NS)));
    }
}
