package org.perch.xmpp.session;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.perch.domain.account.AccountService;
import org.perch.store.RosterStore;
import org.perch.xmpp.sasl.SaslMechanisms;

/**
 * The services every session and handler shares, built once by {@link XmppServer}.
 *
 * @param blocking where store work runs (virtual threads): never the I/O threads
 * @param scheduler timers (resumption timeouts); tasks on it must not block
 */
public record ServerContext(XmppSettings settings, SessionRegistry sessions, AccountService accounts,
                            RosterStore rosters, SaslMechanisms sasl, Clock clock, Executor blocking,
                            ScheduledExecutorService scheduler) {
}
