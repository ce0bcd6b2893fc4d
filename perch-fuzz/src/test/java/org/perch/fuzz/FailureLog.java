package org.perch.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Catches what the server logs at WARN or above. Its worker loops (a session's or a room's queue, the history
 * writer) log an exception that escaped a handler and carry on, so a log line is how a crash inside the server
 * shows; the fuzz test turns it into a failure of the input that caused it.
 */
final class FailureLog extends AppenderBase<ILoggingEvent> {
    private static final FailureLog INSTANCE = install();
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    private static FailureLog install() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        FailureLog log = new FailureLog();
        log.setContext(context);
        log.setName("fuzz-failures");
        log.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
        return log;
    }

    static void clear() {
        INSTANCE.events.clear();
    }

    /** Throws if anything was logged at WARN or above since {@link #clear()}, with the logged exception as cause. */
    static void assertNothingLogged() {
        if (INSTANCE.events.isEmpty()) {
            return;
        }
        ILoggingEvent first = INSTANCE.events.getFirst();
        IThrowableProxy proxy = first.getThrowableProxy();
        Throwable cause = proxy instanceof ThrowableProxy p ? p.getThrowable() : null;
        throw new AssertionError("the server logged " + first.getLevel() + " from " + first.getLoggerName() + ": "
                + first.getFormattedMessage(), cause);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            events.add(event);
        }
    }
}
