package org.perch.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.Stores;
import org.perch.server.config.PerchConfig;
import org.perch.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The shared part of the {@code perch user} commands: configuration, the store and the account service. */
abstract class AccountCommand implements Callable<Integer> {

    @ParentCommand
    UserCommand user;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PerchConfig config = options.load(user.context().environment());
        try (Store store = Stores.open(config)) {
            AccountService accounts = new AccountService(store.accounts(), config.auth().scramIterations(),
                    new SecureRandom(), Clock.systemUTC());
            run(accounts, config);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    abstract void run(AccountService accounts, PerchConfig config);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    String newPassword() {
        return user.context().passwords().newPassword("Password");
    }

    /**
     * The account JID named on the command line: {@code alice} means {@code alice@<domain>}; another domain is
     * refused, since this server only holds accounts of its own.
     */
    static Jid accountJid(String text, PerchConfig config) {
        try {
            Jid jid = text.contains("@") ? Jid.of(text) : Jid.bare(text, config.domain());
            if (jid.hasResource()) {
                throw new CliException("'" + text + "' has a resource; name the account as user or user@"
                        + config.domain());
            }
            if (!jid.domain().equals(config.domain())) {
                throw new CliException(jid + " is not on this server's domain " + config.domain()
                        + " (use " + jid.local() + "@" + config.domain() + " or set domain)");
            }
            return jid;
        } catch (InvalidJidException e) {
            throw new CliException("'" + text + "' is not a valid account name: " + e.getMessage());
        }
    }
}
