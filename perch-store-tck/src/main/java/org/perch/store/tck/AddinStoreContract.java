package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.Addin;
import org.perch.store.chat.AddinStore;

/** What every {@link AddinStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface AddinStoreContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closeAddinStoreFixture() {
        fixture().close();
    }

    private AddinStore addins() {
        return fixture().store().addins();
    }

    @Test
    default void aCreatedAddinShouldBeFoundByNameWithoutRegardToCase() {
        Addin ticker = Addin.create("Ticker", "https://apps.example.org/ticker?room=1&x=%C3%A9");

        assertThat(addins().create(ticker)).isTrue();

        assertThat(addins().findByName("TICKER")).contains(ticker);
        assertThat(addins().findByName("ticker").orElseThrow().url())
                .isEqualTo(URI.create("https://apps.example.org/ticker?room=1&x=%C3%A9"));
        assertThat(addins().findByName("Other")).isEmpty();
    }

    @Test
    default void aTakenNameShouldBeRefusedWithoutRegardToCase() {
        addins().create(Addin.create("Ticker", "https://a.example.org/"));

        assertThat(addins().create(Addin.create("TICKER", "https://b.example.org/"))).isFalse();
        assertThat(addins().list()).extracting(Addin::url).containsExactly(URI.create("https://a.example.org/"));
    }

    @Test
    default void listShouldSortByNameWithoutRegardToCase() {
        addins().create(Addin.create("zeta", "https://z.example.org/"));
        addins().create(Addin.create("Alpha", "https://a.example.org/"));
        addins().create(Addin.create("Ümlaut café ☕", "https://u.example.org/"));
        addins().create(Addin.create("beta", "https://b.example.org/"));

        assertThat(addins().list()).extracting(Addin::name)
                .containsExactly("Alpha", "beta", "zeta", "Ümlaut café ☕");
    }

    @Test
    default void updateShouldRenameAndChangeTheUrlButNotTakeAnotherName() {
        Addin ticker = Addin.create("Ticker", "https://a.example.org/");
        addins().create(ticker);
        addins().create(Addin.create("News", "https://n.example.org/"));

        assertThat(addins().update(ticker.withName("Quotes").withUrl("http://q.example.org/"))).isTrue();
        assertThat(addins().update(ticker.withName("news"))).isFalse();
        assertThat(addins().update(Addin.create("Ghost", "https://g.example.org/"))).isFalse();

        assertThat(addins().findByName("Ticker")).isEmpty();
        assertThat(addins().findByName("quotes").orElseThrow().url()).isEqualTo(URI.create("http://q.example.org/"));
    }

    @Test
    default void deleteShouldRemoveOnlyThatAddin() {
        Addin ticker = Addin.create("Ticker", "https://a.example.org/");
        addins().create(ticker);
        addins().create(Addin.create("News", "https://n.example.org/"));

        assertThat(addins().delete(ticker.id())).isTrue();
        assertThat(addins().delete(ticker.id())).isFalse();
        assertThat(addins().delete(UUID.randomUUID())).isFalse();
        assertThat(addins().list()).extracting(Addin::name).containsExactly("News");
    }

    @Test
    default void addinsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        Addin ticker = Addin.create("Ticker", "https://apps.example.org/ticker");
        addins().create(ticker);

        fixture().reopen();

        assertThat(addins().findByName("ticker")).contains(ticker);
    }

    @Test
    default void theRecordShouldRefuseWhatLyncRefuses() {
        assertThatThrownBy(() -> Addin.create("Ticker", "ftp://a.example.org/")).hasMessageContaining("http");
        assertThatThrownBy(() -> Addin.create("Ticker", "/relative")).hasMessageContaining("http");
        assertThatThrownBy(() -> Addin.create("n".repeat(51), "https://a.example.org/"))
                .hasMessageContaining("at most 50");
        assertThatThrownBy(() -> Addin.create("Ticker", "https://a.example.org/" + "p".repeat(240)))
                .hasMessageContaining("255");
    }
}
