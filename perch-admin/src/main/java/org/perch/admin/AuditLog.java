package org.perch.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per admin request on the {@code perch.audit} logger: when (the log's timestamp), who, from where, what,
 * and how it ended. Never the body or credentials: they can hold passwords.
 */
final class AuditLog {

    static final String LOGGER = "perch.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AuditLog() {
    }

    static void record(String who, String address, String method, String path, int status, String outcome,
                       long micros) {
        LOG.info("who={} from={} request=\"{} {}\" status={} outcome={} took={}us", who, address, method, path,
                status, outcome, micros);
    }
}
