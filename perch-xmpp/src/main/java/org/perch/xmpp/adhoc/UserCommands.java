package org.perch.xmpp.adhoc;

import java.util.ArrayList;
import java.util.List;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;
import org.perch.domain.account.AccountException;
import org.perch.domain.account.AccountService;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.forms.DataForm.Field;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;

/** The account commands of XEP-0133 §4.1, §4.2 and §4.7, over the account service. */
final class UserCommands {

    private UserCommands() {
    }

    static List<AdminCommand> all(AccountService accounts, String domain) {
        return List.of(addUser(accounts, domain), deleteUser(accounts, domain), changePassword(accounts, domain));
    }

    private static AdminCommand addUser(AccountService accounts, String domain) {
        return command("add-user", "Add a User",
                List.of(Field.of("accountjid", "jid-single", "The Jabber ID for the account to be added", true),
                        Field.of("password", "text-private", "The password for this account", true),
                        Field.of("password-verify", "text-private", "Retype password", true)),
                form -> {
                    Jid jid = account(form, "accountjid", domain);
                    String password = required(form, "password");
                    if (!password.equals(form.value("password-verify").orElse(password))) {
                        throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "passwords do not match");
                    }
                    guarded(() -> accounts.add(jid, password), StanzaErrorCondition.CONFLICT);
                    return "added " + jid;
                });
    }

    private static AdminCommand deleteUser(AccountService accounts, String domain) {
        return command("delete-user", "Delete a User",
                List.of(Field.of("accountjids", "jid-multi", "The Jabber ID(s) to delete", true)),
                form -> {
                    List<Jid> jids = new ArrayList<>();
                    for (String value : form.field("accountjids").map(Field::values).orElse(List.of())) {
                        jids.add(parseAccount(value, domain));
                    }
                    if (jids.isEmpty()) {
                        throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "accountjids is required");
                    }
                    for (Jid jid : jids) {
                        guarded(() -> accounts.remove(jid), StanzaErrorCondition.ITEM_NOT_FOUND);
                    }
                    return "deleted " + jids.size() + " account(s)";
                });
    }

    private static AdminCommand changePassword(AccountService accounts, String domain) {
        return command("change-user-password", "Change User Password",
                List.of(Field.of("accountjid", "jid-single", "The Jabber ID of the account", true),
                        Field.of("password", "text-private", "The new password", true)),
                form -> {
                    Jid jid = account(form, "accountjid", domain);
                    String password = required(form, "password");
                    guarded(() -> accounts.changePassword(jid, password), StanzaErrorCondition.ITEM_NOT_FOUND);
                    return "password changed for " + jid;
                });
    }

    private interface Action {
        String run(DataForm form);
    }

    private static AdminCommand command(String suffix, String name, List<Field> fields, Action action) {
        return new AdminCommand() {
            @Override
            public String node() {
                return ADMIN_NS + "#" + suffix;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Field> fields() {
                return fields;
            }

            @Override
            public String execute(DataForm submitted) {
                return action.run(submitted);
            }
        };
    }

    private static String required(DataForm form, String var) {
        return form.value(var).filter(v -> !v.isEmpty()).orElseThrow(
                () -> new StanzaException(StanzaErrorCondition.BAD_REQUEST, var + " is required"));
    }

    private static Jid account(DataForm form, String var, String domain) {
        return parseAccount(required(form, var), domain);
    }

    private static Jid parseAccount(String value, String domain) {
        try {
            Jid jid = Jid.of(value.strip());
            if (!jid.hasLocal() || !jid.domain().equals(domain)) {
                throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE,
                        value + " is not an account of " + domain);
            }
            return jid.toBare();
        } catch (InvalidJidException e) {
            throw new StanzaException(StanzaErrorCondition.JID_MALFORMED, e.getMessage());
        }
    }

    private static void guarded(Runnable r, StanzaErrorCondition onRefusal) {
        try {
            r.run();
        } catch (AccountException e) {
            throw new StanzaException(onRefusal, e.getMessage());
        }
    }
}
