package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.TestData.account;
import static org.perch.store.tck.TestData.credential;
import static org.perch.store.tck.TestData.credentials;
import static org.perch.store.tck.TestData.jid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.Account;
import org.perch.store.AccountStore;
import org.perch.store.RosterItem;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/** What every {@link AccountStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface AccountStoreContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closeAccountStoreFixture() {
        fixture().close();
    }

    private AccountStore accounts() {
        return fixture().store().accounts();
    }

    @Test
    default void findShouldReturnTheCreatedAccountWithBothCredentials() {
        Account alice = account("alice");

        assertThat(accounts().create(alice)).isTrue();

        Account found = accounts().find(alice.jid()).orElseThrow();
        assertThat(found).isEqualTo(alice);
        for (ScramMechanism m : ScramMechanism.values()) {
            ScramCredential expected = alice.credentials().get(m);
            ScramCredential actual = found.credentials().get(m);
            assertThat(actual.salt()).isEqualTo(expected.salt());
            assertThat(actual.storedKey()).isEqualTo(expected.storedKey());
            assertThat(actual.serverKey()).isEqualTo(expected.serverKey());
            assertThat(actual.iterations()).isEqualTo(expected.iterations());
        }
    }

    @Test
    default void findShouldReturnAnAccountWithASingleMechanism() {
        Account bob = new Account(jid("bob"), Map.of(ScramMechanism.SHA_256, credential(ScramMechanism.SHA_256, 7)),
                true, TestData.CREATED);

        accounts().create(bob);

        assertThat(accounts().find(bob.jid())).contains(bob);
    }

    @Test
    default void createShouldReturnFalseAndKeepTheFirstAccountWhenTheJidExists() {
        Account first = account("alice");
        Account second = TestData.account(first.jid(), 50).withAdmin(true);
        accounts().create(first);

        assertThat(accounts().create(second)).isFalse();

        assertThat(accounts().find(first.jid())).contains(first);
    }

    @Test
    default void findShouldBeEmptyForAnUnknownJid() {
        accounts().create(account("alice"));

        assertThat(accounts().find(jid("nobody"))).isEmpty();
    }

    @Test
    default void updateCredentialsShouldReplaceEveryCredential() {
        Account alice = account("alice");
        accounts().create(alice);
        Map<ScramMechanism, ScramCredential> replacement =
                Map.of(ScramMechanism.SHA_256, credential(ScramMechanism.SHA_256, 99));

        assertThat(accounts().updateCredentials(alice.jid(), replacement)).isTrue();

        assertThat(accounts().find(alice.jid())).contains(alice.withCredentials(replacement));
    }

    @Test
    default void updateCredentialsShouldReturnFalseForAnUnknownJid() {
        assertThat(accounts().updateCredentials(jid("nobody"), credentials(3))).isFalse();

        assertThat(accounts().find(jid("nobody"))).isEmpty();
    }

    @Test
    default void setAdminShouldGrantAndRevokeTheRole() {
        Account alice = account("alice");
        accounts().create(alice);

        assertThat(accounts().setAdmin(alice.jid(), true)).isTrue();
        assertThat(accounts().find(alice.jid()).orElseThrow().admin()).isTrue();

        assertThat(accounts().setAdmin(alice.jid(), false)).isTrue();
        assertThat(accounts().find(alice.jid())).contains(alice);
        assertThat(accounts().setAdmin(jid("nobody"), true)).isFalse();
    }

    @Test
    default void deleteShouldRemoveTheAccountAndItsRoster() {
        Account alice = account("alice");
        Account bob = account("bob");
        accounts().create(alice);
        accounts().create(bob);
        fixture().store().rosters().put(alice.jid(), RosterItem.of(bob.jid()));
        fixture().store().rosters().put(bob.jid(), RosterItem.of(alice.jid()));

        assertThat(accounts().delete(alice.jid())).isTrue();

        assertThat(accounts().find(alice.jid())).isEmpty();
        assertThat(fixture().store().rosters().roster(alice.jid()).items()).isEmpty();
        assertThat(accounts().list()).containsExactly(bob.jid());
        assertThat(fixture().store().rosters().roster(bob.jid()).items()).extracting(RosterItem::jid)
                .containsExactly(alice.jid());
        assertThat(accounts().delete(alice.jid())).isFalse();
    }

    @Test
    default void listShouldReturnEveryJidSortedByItsStringForm() {
        for (String local : List.of("mallory", "alice", "zoe", "bob", "alice2")) {
            accounts().create(account(local));
        }
        accounts().create(TestData.account(Jid.bare("aaron", "z.example"), 1));

        assertThat(accounts().list()).extracting(Jid::toString).containsExactly("aaron@z.example",
                "alice2@example.org", "alice@example.org", "bob@example.org", "mallory@example.org", "zoe@example.org");
    }

    @Test
    default void listShouldBeEmptyWhenThereAreNoAccounts() {
        assertThat(accounts().list()).isEmpty();
    }

    @Test
    default void unicodeLocalPartsShouldRoundTrip() {
        List<Jid> jids = List.of(jid("élodie"), jid("дмитрий"), jid("李小龍"), jid("😀emoji"));
        jids.forEach(j -> accounts().create(TestData.account(j, 5)));

        for (Jid j : jids) {
            assertThat(accounts().find(j)).contains(TestData.account(j, 5));
        }
        assertThat(accounts().list()).containsExactlyInAnyOrderElementsOf(jids);
    }

    @Test
    default void concurrentCreatesShouldAllBeStored() {
        int perThread = 100;
        AccountStore accounts = accounts();

        Concurrently.run(2, t -> {
            for (int i = 0; i < perThread; i++) {
                assertThat(accounts.create(account("user" + t + "-" + i))).isTrue();
            }
        });

        List<Jid> expected = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < perThread; i++) {
                expected.add(jid("user" + t + "-" + i));
            }
        }
        assertThat(accounts().list()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    default void concurrentCreatesOfTheSameJidShouldLetExactlyOneWin() {
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        AccountStore accounts = accounts();

        Concurrently.run(2, t -> results.add(accounts.create(TestData.account(jid("alice"), t))));

        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(accounts().list()).containsExactly(jid("alice"));
    }

    @Test
    default void accountsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        Account alice = account("alice").withAdmin(true);
        fixture().store().accounts().create(alice);
        fixture().store().accounts().create(account("bob"));
        fixture().store().accounts().delete(jid("bob"));

        AccountStore reopened = fixture().reopen().accounts();

        assertThat(reopened.find(alice.jid())).contains(alice);
        assertThat(reopened.list()).containsExactly(alice.jid());
    }
}
