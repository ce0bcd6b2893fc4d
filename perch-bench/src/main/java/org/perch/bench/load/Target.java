package org.perch.bench.load;

/** The server under load: where to connect, its XMPP domain and its MUC service. */
record Target(String host, int port, String domain, String muc) {

    /** A room's address on the MUC service. */
    String room(int index) {
        return "load-%05d@%s".formatted(index, muc);
    }

    /** The auditorium profile's room. */
    String auditorium() {
        return "auditorium@" + muc;
    }

    @Override
    public String toString() {
        return host + ":" + port + " (domain " + domain + ", rooms at " + muc + ")";
    }
}
