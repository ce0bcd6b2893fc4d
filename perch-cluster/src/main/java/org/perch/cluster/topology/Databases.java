package org.perch.cluster.topology;

/** Whether two store definitions name one database, whatever they are called. */
public final class Databases {

    private Databases() {
    }

    /**
     * The same name, two PostgreSQL URLs that share a host and port and name the same database, or two embedded
     * stores in the same directory. A definition too broken to tell (its own problem is reported) matches none.
     */
    public static boolean same(StoreDefinition a, StoreDefinition b) {
        if (a.name().equals(b.name())) {
            return true;
        }
        if (a instanceof PostgresStoreDefinition pa && b instanceof PostgresStoreDefinition pb) {
            return samePostgres(pa, pb);
        }
        if (a instanceof EmbeddedStoreDefinition ea && b instanceof EmbeddedStoreDefinition eb) {
            return PosixPaths.isAbsolute(ea.dataDir()) && PosixPaths.isAbsolute(eb.dataDir())
                    && PosixPaths.normalise(ea.dataDir()).equals(PosixPaths.normalise(eb.dataDir()));
        }
        return false;
    }

    private static boolean samePostgres(PostgresStoreDefinition a, PostgresStoreDefinition b) {
        try {
            return PostgresUrl.parse(a.url()).sameDatabase(PostgresUrl.parse(b.url()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
