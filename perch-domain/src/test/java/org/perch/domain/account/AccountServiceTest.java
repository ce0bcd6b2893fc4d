package org.perch.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.account.AccountException.Reason;
import org.perch.store.Account;
import org.perch.store.ScramMechanism;
import org.perch.store.memory.InMemoryStore;

class AccountServiceTest {

    private static final Jid ALICE = Jid.of("alice@localhost");
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final AccountService service = new AccountService(new InMemoryStore().accounts(), 4096, new SecureRandom(),
            new MutableClock(NOW));

    @Test
    void addShouldStoreVerifiersForEveryMechanismAndNoPassword() {
        Account account = service.add(ALICE, "s3cret");

        assertThat(account.jid()).isEqualTo(ALICE);
        assertThat(account.admin()).isFalse();
        assertThat(account.created()).isEqualTo(NOW);
        assertThat(account.credentials()).containsOnlyKeys(ScramMechanism.SHA_1, ScramMechanism.SHA_256);
        assertThat(account.credentials().values())
                .allSatisfy(c -> assertThat(ScramCredentials.matches(c, "s3cret")).isTrue());
        assertThat(service.find(ALICE)).contains(account);
    }

    @Test
    void addShouldRefuseAnExistingAccount() {
        service.add(ALICE, "one");

        assertThatThrownBy(() -> service.add(Jid.of("Alice@LocalHost"), "two"))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
                .hasMessage("account alice@localhost already exists");
        assertThat(ScramCredentials.matches(
                service.find(ALICE).orElseThrow().credentials().get(ScramMechanism.SHA_256), "one")).isTrue();
    }

    @Test
    void addShouldRefuseAnEmptyPassword() {
        assertThatThrownBy(() -> service.add(ALICE, ""))
                .isInstanceOf(AccountException.class).hasMessage("password must not be empty");
        assertThatThrownBy(() -> service.add(ALICE, "\u00AD"))
                .as("empty once normalised").hasMessage("password must not be empty");
        assertThat(service.list()).isEmpty();
    }

    @Test
    void addShouldAcceptAPasswordOf1023CharactersButNotLonger() {
        assertThatThrownBy(() -> service.add(ALICE, "x".repeat(1024)))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PASSWORD))
                .hasMessage("password is longer than 1023 characters");

        assertThat(service.add(ALICE, "x".repeat(1023)).jid()).isEqualTo(ALICE);
    }

    @Test
    void addShouldRefuseControlCharactersInThePassword() {
        assertThatThrownBy(() -> service.add(ALICE, "tab\there"))
                .isInstanceOf(AccountException.class).hasMessage("password must not contain control characters");
        assertThatThrownBy(() -> service.add(ALICE, "bad\uD800"))
                .isInstanceOf(AccountException.class).hasMessage("password contains an unpaired surrogate");
    }

    @Test
    void addShouldRefuseAJidThatIsNotLocalAtDomain() {
        assertThatThrownBy(() -> service.add(Jid.of("localhost"), "pw"))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_JID))
                .hasMessageStartingWith("JID must be local@domain");
        assertThatThrownBy(() -> service.add(Jid.of("alice@localhost/phone"), "pw"))
                .hasMessageStartingWith("JID must be local@domain");
    }

    @Test
    void changePasswordShouldReplaceTheVerifiers() {
        service.add(ALICE, "old");

        service.changePassword(ALICE, "new");

        Account account = service.find(ALICE).orElseThrow();
        assertThat(account.credentials().values()).allSatisfy(c -> {
            assertThat(ScramCredentials.matches(c, "new")).isTrue();
            assertThat(ScramCredentials.matches(c, "old")).isFalse();
        });
        assertThat(account.created()).isEqualTo(NOW);
    }

    @Test
    void changePasswordShouldFailForAnUnknownAccountOrABadPassword() {
        assertThatThrownBy(() -> service.changePassword(ALICE, "pw"))
                .hasMessage("account alice@localhost does not exist");
        service.add(ALICE, "pw");
        assertThatThrownBy(() -> service.changePassword(ALICE, ""))
                .hasMessage("password must not be empty");
    }

    @Test
    void removeShouldDeleteTheAccount() {
        service.add(ALICE, "pw");

        service.remove(ALICE);

        assertThat(service.find(ALICE)).isEmpty();
        assertThatThrownBy(() -> service.remove(ALICE))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessage("account alice@localhost does not exist");
    }

    @Test
    void adminRoleShouldBeGrantedAndRevoked() {
        service.add(ALICE, "pw");
        assertThat(service.isAdmin(ALICE)).isFalse();

        service.grantAdmin(ALICE);
        assertThat(service.isAdmin(ALICE)).isTrue();

        service.revokeAdmin(ALICE);
        assertThat(service.isAdmin(ALICE)).isFalse();
    }

    @Test
    void grantAdminShouldFailForAnUnknownAccount() {
        assertThatThrownBy(() -> service.grantAdmin(ALICE)).hasMessage("account alice@localhost does not exist");
        assertThat(service.isAdmin(ALICE)).isFalse();
    }

    @Test
    void listShouldReturnEveryAccountSorted() {
        service.add(Jid.of("carol@localhost"), "pw");
        service.add(ALICE, "pw");
        service.add(Jid.of("bob@localhost"), "pw");

        assertThat(service.list()).containsExactly(ALICE, Jid.of("bob@localhost"), Jid.of("carol@localhost"));
    }

    @Test
    void findShouldBeEmptyForJidsThatCannotNameAnAccount() {
        service.add(ALICE, "pw");

        assertThat(service.find(Jid.of("localhost"))).isEmpty();
        assertThat(service.find(Jid.of("alice@localhost/phone"))).isEmpty();
    }
}
