package org.perch.cluster.topology;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The domain, and each pool's MUC services: valid names, under the domain, each served by one pool. */
final class DomainRules {

    private DomainRules() {
    }

    static void check(Validation v) {
        String domain = v.topology().domain();
        boolean domainValid = DnsNames.isDnsName(domain);
        if (!domainValid) {
            v.problems().error(JsonPath.ROOT.key("domain"), "domain '" + domain + "' is not a DNS name: expected"
                    + " labels of letters, digits and hyphens separated by dots, such as example.org");
        }
        Map<String, Served> servedBy = new HashMap<>();
        for (int i = 0; i < v.topology().pools().size(); i++) {
            PoolDefinition pool = v.pool(i);
            JsonPath path = v.poolPath(i).key("mucServices");
            if (pool.mucServices().isEmpty()) {
                v.problems().error(path, "pool '" + pool.name() + "' has no MUC service: give at least one, such as"
                        + " chat." + domain);
            }
            for (int j = 0; j < pool.mucServices().size(); j++) {
                String service = pool.mucServices().get(j);
                JsonPath at = path.index(j);
                if (!DnsNames.isDnsName(service)) {
                    v.problems().error(at, "MUC service '" + service + "' is not a DNS name: expected a domain such"
                            + " as chat." + domain);
                } else if (service.equalsIgnoreCase(domain)) {
                    v.problems().error(at, "MUC service '" + service + "' is the domain itself: a MUC service is a"
                            + " domain of its own, such as chat." + domain);
                } else {
                    if (domainValid && !DnsNames.isWithin(service, domain)) {
                        v.problems().warning(at, "MUC service '" + service + "' is outside the domain " + domain
                                + ": expected a subdomain such as chat." + domain + " (allowed if that domain's DNS"
                                + " and certificate are yours)");
                    }
                    servedOnce(v, service, at, i, servedBy);
                }
            }
        }
    }

    private static void servedOnce(Validation v, String service, JsonPath at, int pool, Map<String, Served> servedBy) {
        Served first = servedBy.putIfAbsent(service.toLowerCase(Locale.ROOT), new Served(pool, at));
        if (first == null) {
            return;
        }
        if (first.pool() == pool) {
            v.problems().warning(at, "MUC service '" + service + "' is listed twice in this pool ("
                    + v.where(first.path()) + ")");
        } else {
            v.problems().error(at, "MUC service '" + service + "' is already served by pool '"
                    + v.pool(first.pool()).name() + "' (" + v.where(first.path()) + "): its rooms live in one pool's"
                    + " store, so a MUC service belongs to one pool");
        }
    }

    /** Which pool lists a MUC service first, and where. */
    private record Served(int pool, JsonPath path) {
    }
}
