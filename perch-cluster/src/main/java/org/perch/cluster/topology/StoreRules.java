package org.perch.cluster.topology;

import java.util.HashSet;
import java.util.Set;

/**
 * Each store and file store on its own: a usable name, a well-formed URL or directory, a password file rather
 * than a password, and some pool that uses it (judged only when every pool could be read).
 */
final class StoreRules {

    private static final JsonPath STORES = JsonPath.ROOT.key("stores");
    private static final JsonPath FILE_STORES = JsonPath.ROOT.key("fileStores");

    private StoreRules() {
    }

    static void check(Validation v) {
        Set<String> used = new HashSet<>();
        Set<String> usedFileStores = new HashSet<>();
        for (PoolDefinition pool : v.topology().pools()) {
            used.add(pool.store());
            pool.backupStore().ifPresent(used::add);
            pool.complianceStore().ifPresent(used::add);
            pool.fileStore().ifPresent(usedFileStores::add);
        }
        for (StoreDefinition store : v.topology().stores().values()) {
            JsonPath path = STORES.key(store.name());
            name(v, "store", store.name(), path);
            switch (store) {
                case PostgresStoreDefinition postgres -> postgres(v, postgres, path);
                case EmbeddedStoreDefinition embedded -> absolute(v, path.key("dataDir"), "dataDir",
                        embedded.dataDir());
            }
            if (v.source().allPoolsRead() && !used.contains(store.name())) {
                v.problems().warning(path, "store '" + store.name() + "' is not used by any pool");
            }
        }
        for (FileStoreDefinition fileStore : v.topology().fileStores().values()) {
            JsonPath path = FILE_STORES.key(fileStore.name());
            name(v, "file store", fileStore.name(), path);
            absolute(v, path.key("path"), "path", fileStore.path());
            if (v.source().allPoolsRead() && !usedFileStores.contains(fileStore.name())) {
                v.problems().warning(path, "file store '" + fileStore.name() + "' is not used by any pool");
            }
        }
    }

    private static void name(Validation v, String what, String name, JsonPath path) {
        if (!Validation.isName(name)) {
            v.problems().keyError(path, what + " name '" + name + "' must be " + Validation.NAME_RULE);
        }
    }

    private static void postgres(Validation v, PostgresStoreDefinition store, JsonPath path) {
        if (PostgresUrl.carriesCredentials(store.url())) {
            v.problems().error(path.key("url"), "url carries credentials (a password parameter or user:password@);"
                    + " the password goes in the file passwordFile names, never in the topology (the url is not"
                    + " repeated here)");
        } else {
            try {
                PostgresUrl.parse(store.url());
            } catch (IllegalArgumentException e) {
                v.problems().error(path.key("url"), "url '" + store.url() + "' is not a PostgreSQL JDBC URL: "
                        + e.getMessage() + "; expected " + PostgresUrl.FORM);
            }
        }
        if (store.user().isBlank()) {
            v.problems().error(path.key("user"), "user is empty: expected the database user the servers log in as");
        }
        if (!PosixPaths.isAbsolute(store.passwordFile())) {
            // Not quoted: someone may have written the password itself here.
            v.problems().error(path.key("passwordFile"), "passwordFile must be an absolute path (starting with /)"
                    + " to the file that holds the password; the value is not repeated here, in case it is the"
                    + " password itself");
        }
    }

    private static void absolute(Validation v, JsonPath path, String key, String value) {
        if (!PosixPaths.isAbsolute(value)) {
            v.problems().error(path, key + " '" + value + "' must be an absolute path, starting with /");
        }
    }
}
