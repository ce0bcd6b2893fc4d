package org.perch.cluster.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names as DNS allows them (RFC 1123), and IP address literals, checked without any lookup. */
final class DnsNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private DnsNames() {
    }

    /** Dot-separated labels of letters, digits and inner hyphens, at most 253 characters, not an IPv4 address. */
    static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // A last label of digits only is an IPv4 address or a typo, not a domain.
        return !labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A DNS name, an IPv4 address or an IPv6 address (without brackets). */
    static boolean isHost(String host) {
        return isDnsName(host) || IPV4.matcher(host).matches() || isIpv6(host);
    }

    /** Whether {@code name} is {@code domain} or below it, without regard to case. */
    static boolean isWithin(String name, String domain) {
        String n = name.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return n.equals(d) || n.endsWith("." + d);
    }

    private static boolean isIpv6(String host) {
        int gap = host.indexOf("::");
        if (gap >= 0 && host.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] parts = gap < 0 ? new String[] {host} : new String[] {host.substring(0, gap),
            host.substring(gap + 2)};
        int groups = 0;
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].isEmpty()) {
                continue;
            }
            String[] split = parts[p].split(":", -1);
            for (int i = 0; i < split.length; i++) {
                boolean lastOfAll = p == parts.length - 1 && i == split.length - 1;
                if (lastOfAll && IPV4.matcher(split[i]).matches()) {
                    groups += 2;
                } else if (HEX_GROUP.matcher(split[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return gap < 0 ? groups == 8 : groups < 8;
    }
}
