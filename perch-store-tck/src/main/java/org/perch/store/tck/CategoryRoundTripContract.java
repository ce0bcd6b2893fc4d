package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.store.tck.ChatData.UNICODE;
import static org.perch.store.tck.ChatData.domain;
import static org.perch.store.tck.ChatData.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.CategoryStore;

/**
 * What every {@link CategoryStore} must keep of a category: each flag, each list's principals, and Unicode text
 * up to the maximum lengths. Bound through {@link CategoryStoreContract}.
 */
public interface CategoryRoundTripContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closeCategoryStoreFixture() {
        fixture().close();
    }

    private CategoryStore categories() {
        return fixture().store().categories();
    }

    @Test
    default void aCategoryWithEmptyListsAndDefaultFlagsShouldRoundTrip() {
        Category plain = Category.named("Plain");

        categories().create(plain);

        assertThat(categories().find(plain.id())).contains(plain);
    }

    @Test
    default void everyCombinationOfFlagsShouldRoundTrip() {
        List<Category> created = new ArrayList<>();
        for (int bits = 0; bits < 8; bits++) {
            Category c = Category.named("Flags " + bits)
                    .withFlags(new CategoryFlags((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0));
            categories().create(c);
            created.add(c);
        }

        for (Category c : created) {
            assertThat(categories().find(c.id())).contains(c);
        }
    }

    @Test
    default void thePrincipalShouldBeKeptInEachListThatNamesIt() {
        Set<Principal> everyone = Set.of(user("alice"), domain("example.org"));
        Category c = Category.named("Overlap").withAllowedMembers(everyone).withDeniedMembers(everyone)
                .withCreators(everyone);

        categories().create(c);

        assertThat(categories().find(c.id())).contains(c);
    }

    @Test
    default void unicodePrincipalsShouldRoundTrip() {
        Category c = Category.named("International").withAllowedMembers(Set.of(
                Principal.user(Jid.bare("élodie", "exämple.org")), Principal.user(Jid.bare("李小龍", "example.org")),
                new Principal.Domain("bücher.example")));

        categories().create(c);

        assertThat(categories().find(c.id())).contains(c);
    }

    @Test
    default void unicodeNamesAndDescriptionsShouldRoundTrip() {
        Category c = Category.named(UNICODE).withDescription("Описание: " + UNICODE);

        categories().create(c);

        assertThat(categories().find(c.id())).contains(c);
        assertThat(categories().findByName("CAFÉ ☕ 😀🎉 会议室 — غرفة الاجتماعات — חדר ישיבות")).contains(c);
    }

    @Test
    default void namesAndDescriptionsOfTheMaximumLengthShouldRoundTrip() {
        // Lower-casing 'İ' gives two chars, so a name's case-free form can be longer than the name itself.
        Category turkish = Category.named("İSTANBUL İZMİR ".repeat(20).substring(0, Category.MAX_NAME_LENGTH))
                .withDescription("d".repeat(Category.MAX_DESCRIPTION_LENGTH));
        Category cjk = Category.named("会".repeat(Category.MAX_NAME_LENGTH))
                .withDescription("😀".repeat(Category.MAX_DESCRIPTION_LENGTH / 2));
        categories().create(turkish);
        categories().create(cjk);

        assertThat(categories().find(turkish.id())).contains(turkish);
        assertThat(categories().find(cjk.id())).contains(cjk);
        assertThat(categories().findByName(turkish.name())).contains(turkish);
    }
}
