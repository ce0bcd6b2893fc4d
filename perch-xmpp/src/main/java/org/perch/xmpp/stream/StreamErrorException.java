package org.perch.xmpp.stream;

/** The peer broke a stream-level rule; the stream must end with this condition. */
public final class StreamErrorException extends RuntimeException {
    private final StreamErrorCondition condition;

    public StreamErrorException(StreamErrorCondition condition, String text) {
        super(condition.elementName() + ": " + text);
        this.condition = condition;
    }

    public StreamErrorCondition condition() {
        return condition;
    }

    /** Human-readable detail sent in the stream error's {@code <text/>}. */
    public String text() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }
}
