package org.perch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perch.store.StoreException;
import org.perch.store.StoreUnavailableException;

/** Which database failures tell the caller to try again later (the store is failing over), and which do not. */
class TransactorFailureTest {

    @ParameterizedTest(name = "SQLState {0}")
    @ValueSource(strings = {"08006", "08001", "08003", "57P01", "57P02", "57P03", "25006"})
    void aLostOrRefusedConnectionOrAReadOnlyServerShouldBeUnavailable(String state) {
        StoreException failure = Transactor.failure("store messages", new SQLException("gone", state), false);

        assertThat(failure).isInstanceOf(StoreUnavailableException.class)
                .hasMessage("could not store messages (SQLState " + state + ", error 0)");
    }

    @Test
    void aPoolThatTimedOutWaitingForAConnectionShouldBeUnavailable() {
        StoreException failure = Transactor.failure("store messages",
                new SQLTransientConnectionException("pool - Connection is not available, request timed out"), false);

        assertThat(failure).isInstanceOf(StoreUnavailableException.class);
    }

    @ParameterizedTest(name = "SQLState {0}")
    @ValueSource(strings = {"23503", "22001", "42P01", "53100"})
    void aFailureOfTheWorkItselfShouldNotBeUnavailable(String state) {
        StoreException failure = Transactor.failure("store messages", new SQLException("refused", state), false);

        assertThat(failure).isNotInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aRedactedFailureShouldStillSayUnavailableWithoutTheDatabasesMessage() {
        StoreException failure = Transactor.failure("read a key", new SQLException("key 'secret' is gone", "08006"),
                true);

        assertThat(failure).isInstanceOf(StoreUnavailableException.class);
        assertThat(failure.getCause().getMessage()).doesNotContain("secret");
    }
}
