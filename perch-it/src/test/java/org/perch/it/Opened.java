package org.perch.it;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test opened (servers, client connections, anything closeable), closed in reverse order after it: a field
 * {@code @RegisterExtension final Opened opened = new Opened();}.
 */
final class Opened implements AfterEachCallback {

    private final List<AutoCloseable> resources = new ArrayList<>();

    <T extends AutoCloseable> T add(T resource) {
        resources.add(resource);
        return resource;
    }

    XMPPTCPConnection add(XMPPTCPConnection connection) {
        resources.add(connection::disconnect);
        return connection;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        resources.clear();
    }
}
