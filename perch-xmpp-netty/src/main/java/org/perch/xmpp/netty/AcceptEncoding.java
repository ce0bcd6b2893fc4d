package org.perch.xmpp.netty;

import java.util.List;
import java.util.Locale;

/** Reads a request's {@code Accept-Encoding} (RFC 9110 §12.5.3) for the one coding the HTTP listener offers, gzip. */
final class AcceptEncoding {
    private AcceptEncoding() {
    }

    /**
     * Whether gzip may be sent: named ({@code gzip} or its old alias {@code x-gzip}) or covered by {@code *}, with a
     * weight above 0. A client that sends no {@code Accept-Encoding} gets the file as it is: RFC 9110 lets a server
     * assume any coding then, but clients that send nothing are the ones least likely to decode.
     */
    static boolean allowsGzip(List<String> headerValues) {
        Double gzip = null;
        Double any = null;
        for (String value : headerValues) {
            for (String member : value.split(",")) {
                String[] parts = member.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                double weight = weight(parts);
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = gzip == null ? weight : Math.max(gzip, weight);
                } else if (coding.equals("*")) {
                    any = weight;
                }
            }
        }
        if (gzip != null) {
            return gzip > 0;
        }
        return any != null && any > 0;
    }

    /** The member's {@code q} parameter, 1 when absent; a weight that does not parse counts as 0 (not acceptable). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
