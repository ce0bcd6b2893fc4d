package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.cluster.topology.Documents.VALID;
import static org.perch.cluster.topology.Documents.at;
import static org.perch.cluster.topology.Documents.line;
import static org.perch.cluster.topology.Documents.problems;
import static org.perch.cluster.topology.Documents.replace;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How pools use stores: defined names, one use per database, embedded stores kept to one server. */
class StoreUseRulesTest {

    private static final String POOL_B_STORE = "\"store\": \"chat-b\",";
    private static final String POOL_A_STORE = "\"store\": \"chat-a\",";
    private static final String UNUSED_CHAT_B = ": warning: stores.chat-b: store 'chat-b' is not used by any pool";

    @Test
    @DisplayName("a pool names defined stores and file stores, with the name a typo most likely meant")
    void referencesShouldNameDefinedStores() {
        String document = replace(VALID, "\"backupStore\": \"chat-a-dr\"", "\"backupStore\": \"chat-a-rd\"");
        document = replace(document, "\"fileStore\": \"files-a\"", "\"fileStore\": \"chat-a\"");

        assertThat(problems(document)).containsExactly(
                at(document, "{\n      \"kind\": \"postgresql\",\n      \"url\": \"jdbc:postgresql://db9")
                        + ": warning: stores.chat-a-dr: store 'chat-a-dr' is not used by any pool",
                at(document, "{\n      \"path\"") + ": warning: fileStores.files-a: file store 'files-a' is not"
                        + " used by any pool",
                at(document, "\"chat-a-rd\"") + ": error: pools[0].backupStore: unknown store 'chat-a-rd'; did you"
                        + " mean 'chat-a-dr'? (defined: chat-a, chat-a-dr, chat-b, compliance)",
                at(document, "\"chat-a\",\n      \"servers\"") + ": error: pools[0].fileStore:"
                        + " unknown file store 'chat-a' (defined: files-a)");
    }

    @Test
    @DisplayName("two pools cannot share a chat store, by name or by database (host case and default port ignored)")
    void twoPoolsShouldNotShareAChatStore() {
        String sameName = replace(VALID, POOL_B_STORE, POOL_A_STORE.replace(",", " ,"));
        String sameDatabase = replace(VALID, "\"jdbc:postgresql://db2.example.org:5433/perch_b\"",
                "\"jdbc:postgresql://db7.example.org,DB1.example.org/perch\"");
        int poolAStore = line(VALID, POOL_A_STORE);

        assertThat(problems(sameName)).containsExactly(
                at(sameName, "{\n      \"kind\": \"postgresql\",\n      \"url\": \"jdbc:postgresql://db2")
                        + UNUSED_CHAT_B,
                at(sameName, "\"chat-a\" ,") + ": error: pools[1].store: store 'chat-a' is already the chat store of"
                        + " pool 'pool-a' (pools[0].store, line " + poolAStore + "): two pools cannot share a chat"
                        + " store");
        assertThat(problems(sameDatabase)).containsExactly(at(sameDatabase, "\"chat-b\",\n") + ": error:"
                + " pools[1].store: store 'chat-b' is the same database as store 'chat-a', the chat store of pool"
                + " 'pool-a' (pools[0].store, line " + poolAStore + "): two pools cannot share a chat store");
        assertThat(problems(replace(VALID, "db2.example.org:5433/perch_b", "db1.example.org:5432/perch_b")))
                .as("another database on the same server").isEmpty();
    }

    @Test
    @DisplayName("a compliance or backup store is not the pool's own chat store")
    void complianceAndBackupShouldBeApartFromTheChatStore() {
        String compliance = replace(VALID, "\"complianceStore\": \"compliance\",\n      \"fileStore\"",
                "\"complianceStore\": \"chat-a\",\n      \"fileStore\"");
        String backup = replace(VALID, "\"jdbc:postgresql://db9.example.org/perch\"",
                "\"jdbc:postgresql://db1.example.org:5432/perch?targetServerType=primary\"");
        int poolAStore = line(VALID, POOL_A_STORE);

        assertThat(problems(compliance)).containsExactly(at(compliance, "\"chat-a\",\n      \"fileStore\"")
                + ": error: pools[0].complianceStore: store 'chat-a' is already the chat"
                + " store of this pool (pools[0].store, line " + poolAStore + "): the compliance store must be a"
                + " database apart from the chat store");
        assertThat(problems(backup)).containsExactly(at(backup, "\"chat-a-dr\",\n") + ": error:"
                + " pools[0].backupStore: store 'chat-a-dr' is the same database as store 'chat-a', the chat store of"
                + " this pool (pools[0].store, line " + poolAStore + "): a backup store is the replica of one pool's"
                + " chat store and serves nothing else");
    }

    @Test
    @DisplayName("a store the parser could not read still clashes by its name")
    void anUnreadStoreShouldStillClashByName() {
        String document = replace(VALID, "\"user\": \"perch\",\n      \"passwordFile\": \"/etc/perch/chat-a.password\"",
                "\"user\": \"perch\"");
        document = replace(document, "\"complianceStore\": \"compliance\",\n      \"fileStore\"",
                "\"complianceStore\": \"chat-a\",\n      \"fileStore\"");

        assertThat(problems(document)).containsExactly(
                at(document, "{\n      \"kind\": \"postgresql\",\n      \"url\": \"jdbc:postgresql://db1")
                        + ": error: stores.chat-a.passwordFile: missing required key 'passwordFile' in a postgresql"
                        + " store (its required keys: kind, url, user, passwordFile)",
                at(document, "\"chat-a\",\n      \"fileStore\"") + ": error: pools[0].complianceStore: store 'chat-a'"
                        + " is already the chat store of this pool (pools[0].store, line "
                        + line(document, POOL_A_STORE) + "): the compliance store must be a database apart from the"
                        + " chat store");
    }

    @Test
    @DisplayName("one pool's chat store serves nothing of another pool; a backup store serves one pool only")
    void storesShouldNotBeSharedAcrossPoolsExceptCompliance() {
        String chatAsCompliance = replace(VALID, "\"complianceStore\": \"compliance\",\n      \"servers\"",
                "\"complianceStore\": \"chat-a\",\n      \"servers\"");
        String sharedBackup = replace(VALID, POOL_B_STORE, POOL_B_STORE + " \"backupStore\": \"chat-a-dr\",");

        assertThat(problems(chatAsCompliance)).containsExactly(at(chatAsCompliance, "\"chat-a\",\n      \"servers\"")
                + ": error: pools[1].complianceStore: store 'chat-a' is already the chat store of pool 'pool-a'"
                + " (pools[0].store, line " + line(VALID, POOL_A_STORE) + "): a pool's chat store serves that pool"
                + " alone");
        assertThat(problems(sharedBackup)).containsExactly(at(sharedBackup,
                "\"chat-a-dr\",\n      \"complianceStore\": \"compliance\",\n      \"servers\"")
                + ": error: pools[1].backupStore: store 'chat-a-dr' is already the backup store of pool 'pool-a'"
                + " (pools[0].backupStore, line " + line(VALID, "\"backupStore\"") + "): a backup store is the"
                + " replica of one pool's chat store and serves nothing else");
    }

    @Test
    @DisplayName("an embedded store serves one server, in one role, and is never a backup")
    void anEmbeddedStoreShouldServeOneServer() {
        String withLab = replace(VALID, "\"stores\": {", "\"stores\": {\n    \"lab\": {\"kind\": \"embedded\","
                + " \"dataDir\": \"/var/lib/perch\"},\n    \"lab-copy\": {\"kind\": \"embedded\", \"dataDir\":"
                + " \"/var/lib/./perch/\"},");
        String document = replace(withLab, POOL_A_STORE, "\"store\": \"lab\",");
        document = replace(document, POOL_B_STORE, POOL_B_STORE + " \"backupStore\": \"lab-copy\",");

        assertThat(problems(document)).containsExactly(
                at(document, "{\n      \"kind\": \"postgresql\",\n      \"url\": \"jdbc:postgresql://db1")
                        + ": warning: stores.chat-a: store 'chat-a' is not used by any pool",
                at(document, "\"lab\",") + ": error: pools[0].store: store 'lab' is embedded (H2, opened by one"
                        + " process): it serves a pool of one server, and pool 'pool-a' has 3; use a postgresql store",
                at(document, "\"lab-copy\",") + ": error: pools[1].backupStore: store 'lab-copy' is embedded (H2,"
                        + " opened by one process): it cannot be a backup store, which is a replica fed by PostgreSQL"
                        + " replication; use a postgresql store",
                at(document, "\"lab-copy\",") + ": error: pools[1].backupStore: store 'lab-copy' is the same database"
                        + " as store 'lab', the chat store of pool 'pool-a' (pools[0].store, line "
                        + line(document, "\"store\": \"lab\"") + "): a backup store is the replica of one pool's chat"
                        + " store and serves nothing else");
        String singleServer = replace(withLab, POOL_B_STORE, "\"store\": \"lab\",");
        singleServer = replace(singleServer, "\"lab-copy\": {\"kind\": \"embedded\", \"dataDir\":"
                + " \"/var/lib/./perch/\"},", "");
        assertThat(problems(singleServer)).as("a one-server pool on an embedded store")
                .containsExactly(at(singleServer, "{\n      \"kind\": \"postgresql\",\n      \"url\":"
                        + " \"jdbc:postgresql://db2") + UNUSED_CHAT_B);
    }
}
