package org.perch.cluster.topology;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Each server: a unique name in the whole topology, a valid host and port, an address no other server has. */
final class ServerRules {

    private ServerRules() {
    }

    static void check(Validation v) {
        Map<String, JsonPath> names = new HashMap<>();
        Map<String, JsonPath> addresses = new HashMap<>();
        for (int i = 0; i < v.topology().pools().size(); i++) {
            PoolDefinition pool = v.pool(i);
            for (int j = 0; j < pool.servers().size(); j++) {
                ServerDefinition server = pool.servers().get(j);
                JsonPath path = v.serverPath(i, j);
                name(v, server, path, names);
                address(v, server, path, addresses);
            }
        }
    }

    private static void name(Validation v, ServerDefinition server, JsonPath path, Map<String, JsonPath> names) {
        JsonPath first = names.putIfAbsent(server.name(), path);
        if (!Validation.isName(server.name())) {
            v.problems().error(path.key("name"), "server name '" + server.name() + "' must be "
                    + Validation.NAME_RULE);
        } else if (first != null) {
            v.problems().error(path.key("name"), "server name '" + server.name() + "' is already taken ("
                    + v.where(first) + "): server names must be unique in the whole topology");
        }
    }

    private static void address(Validation v, ServerDefinition server, JsonPath path, Map<String, JsonPath> seen) {
        boolean valid = true;
        if (!DnsNames.isHost(server.host())) {
            v.problems().error(path.key("host"), "host '" + server.host() + "' is neither a DNS name nor an IP"
                    + " address");
            valid = false;
        }
        if (server.clientPort() < 1 || server.clientPort() > 65_535) {
            v.problems().error(path.key("clientPort"), "clientPort must be from 1 to 65535, found "
                    + server.clientPort());
            valid = false;
        }
        if (!valid) {
            return;
        }
        String address = server.host().toLowerCase(Locale.ROOT) + ":" + server.clientPort();
        JsonPath first = seen.putIfAbsent(address, path);
        if (first != null) {
            v.problems().error(path.key("host"), address + " is already the address of another server ("
                    + v.where(first) + "): two servers cannot listen on one host and port");
        }
    }
}
