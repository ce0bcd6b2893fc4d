package org.perch.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything this JVM logs through SLF4J while it is open, at every level (Perch's at TRACE, the libraries' at
 * DEBUG), as the lines an operator would read: message, key-value pairs, MDC and every exception's message.
 */
final class LogCapture implements AutoCloseable {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger perch = context.getLogger("org.perch");
    private final Level rootBefore = root.getLevel();
    private final Level perchBefore = perch.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        perch.setLevel(Level.TRACE);
    }

    /** Each event as text, in the order logged. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(kv -> line.append(' ').append(kv.key).append('=').append(kv.value));
            }
            event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                for (IThrowableProxy suppressed : t.getSuppressed()) {
                    line.append(" | suppressed ").append(suppressed.getClassName()).append(": ")
                            .append(suppressed.getMessage());
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(rootBefore);
        perch.setLevel(perchBefore);
    }
}
