package org.perch.cli;

/** A command cannot do what was asked; the message is shown to the operator as {@code perch: <message>}. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
