package org.perch.compliance.verify;

/** An exported file that is not one of Perch's formats, or lacks what a link needs; the message says where. */
final class UnreadableExportException extends Exception {
    UnreadableExportException(String message) {
        super(message);
    }

    UnreadableExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
