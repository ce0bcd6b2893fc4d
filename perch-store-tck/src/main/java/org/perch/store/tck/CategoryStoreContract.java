package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.ChatData.domain;
import static org.perch.store.tck.ChatData.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perch.core.CategoryId;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.CategoryStore;
import org.perch.store.chat.Room;

/**
 * What every {@link CategoryStore} must do: creating, finding, listing, updating and deleting categories. What a
 * category keeps of its fields is in {@link CategoryRoundTripContract}, which this extends, so one binding runs
 * both. A backend binds it with a class that supplies {@link #fixture()}.
 */
public interface CategoryStoreContract extends CategoryRoundTripContract {

    private CategoryStore categories() {
        return fixture().store().categories();
    }

    /** A category that uses every field, with principals of both kinds in every list. */
    private static Category engineering() {
        return Category.named("Engineering").withDescription("Builds the product")
                .withAllowedMembers(Set.of(domain("example.org"), user("guest")))
                .withDeniedMembers(Set.of(user("mallory"), domain("spam.example")))
                .withCreators(Set.of(user("alice"), domain("admins.example.org")))
                .withFlags(new CategoryFlags(true, true, false));
    }

    @Test
    default void findShouldReturnTheCreatedCategoryWithEveryListAndFlag() {
        Category engineering = engineering();

        assertThat(categories().create(engineering)).isTrue();

        assertThat(categories().find(engineering.id())).contains(engineering);
    }

    @Test
    default void createShouldReturnFalseAndKeepTheFirstCategoryWhenTheIdIsTaken() {
        Category first = engineering();
        categories().create(first);

        assertThat(categories().create(first.withName("Other").withDescription("other"))).isFalse();

        assertThat(categories().list()).containsExactly(first);
    }

    @Test
    default void categoryNamesShouldBeUniqueWithoutRegardToCase() {
        categories().create(Category.named("Engineering"));
        categories().create(Category.named("Café Société"));

        assertThat(categories().create(Category.named("ENGINEERING"))).isFalse();
        assertThat(categories().create(Category.named("engineering"))).isFalse();
        assertThat(categories().create(Category.named("CAFÉ SOCIÉTÉ"))).isFalse();

        assertThat(categories().list()).extracting(Category::name).containsExactly("Café Société", "Engineering");
    }

    @Test
    default void findByNameShouldIgnoreCase() {
        Category engineering = engineering();
        categories().create(engineering);

        assertThat(categories().findByName("engineering")).contains(engineering);
        assertThat(categories().findByName("ENGINEERING")).contains(engineering);
        assertThat(categories().findByName("Engineers")).isEmpty();
    }

    @Test
    default void findShouldBeEmptyForAnUnknownId() {
        categories().create(engineering());

        assertThat(categories().find(CategoryId.random())).isEmpty();
    }

    @Test
    default void listShouldSortByNameWithoutRegardToCase() {
        for (String name : List.of("beta", "Zulu", "Alpha", "gamma", "delta")) {
            categories().create(Category.named(name));
        }

        assertThat(categories().list()).extracting(Category::name)
                .containsExactly("Alpha", "beta", "delta", "gamma", "Zulu");
    }

    @Test
    default void listShouldBeEmptyWhenThereAreNoCategories() {
        assertThat(categories().list()).isEmpty();
    }

    @Test
    default void updateShouldReplaceEverythingButTheId() {
        Category original = engineering();
        categories().create(original);
        Category changed = original.withName("Research").withDescription("Finds things out")
                .withAllowedMembers(Set.of(user("carol"))).withDeniedMembers(Set.of())
                .withCreators(Set.of(domain("research.example.org"), user("dave")))
                .withFlags(CategoryFlags.DEFAULTS);

        assertThat(categories().update(changed)).isTrue();

        assertThat(categories().find(original.id())).contains(changed);
        assertThat(categories().findByName("Research")).contains(changed);
        assertThat(categories().findByName("Engineering")).isEmpty();
        assertThat(categories().list()).containsExactly(changed);
    }

    @Test
    default void updateShouldFreeTheOldNameForAnotherCategory() {
        Category original = Category.named("Engineering");
        categories().create(original);
        categories().update(original.withName("Research"));
        Category newcomer = Category.named("engineering");

        assertThat(categories().create(newcomer)).isTrue();

        assertThat(categories().findByName("Engineering")).contains(newcomer);
    }

    @Test
    default void updateShouldLetACategoryChangeTheCaseOfItsOwnName() {
        Category original = Category.named("engineering");
        categories().create(original);

        assertThat(categories().update(original.withName("Engineering"))).isTrue();

        assertThat(categories().find(original.id())).contains(original.withName("Engineering"));
    }

    @Test
    default void updateShouldRefuseANameTakenByAnotherCategoryAndChangeNothing() {
        Category engineering = engineering();
        Category research = Category.named("Research");
        categories().create(engineering);
        categories().create(research);

        assertThat(categories().update(research.withName("ENGINEERING").withDescription("taken"))).isFalse();

        assertThat(categories().find(research.id())).contains(research);
        assertThat(categories().findByName("engineering")).contains(engineering);
    }

    @Test
    default void updateShouldReturnFalseForAnUnknownCategoryAndNotCreateIt() {
        Category ghost = engineering();

        assertThat(categories().update(ghost)).isFalse();

        assertThat(categories().find(ghost.id())).isEmpty();
        assertThat(categories().list()).isEmpty();
    }

    @Test
    default void deleteShouldRemoveTheCategoryAndFreeItsName() {
        Category engineering = engineering();
        Category research = Category.named("Research");
        categories().create(engineering);
        categories().create(research);

        assertThat(categories().delete(engineering.id())).isTrue();

        assertThat(categories().find(engineering.id())).isEmpty();
        assertThat(categories().list()).containsExactly(research);
        assertThat(categories().create(Category.named("Engineering"))).isTrue();
        assertThat(categories().delete(engineering.id())).isFalse();
    }

    @Test
    default void deleteShouldBeRefusedWhileTheCategoryHasRooms() {
        Category engineering = engineering();
        Category research = Category.named("Research");
        categories().create(engineering);
        categories().create(research);
        Room lobby = Room.create("lobby", engineering.id(), "Lobby");
        fixture().store().rooms().create(lobby);

        assertThat(categories().delete(engineering.id())).isFalse();
        assertThat(categories().find(engineering.id())).contains(engineering);

        fixture().store().rooms().update(lobby.withCategory(research.id()));
        assertThat(categories().delete(research.id())).isFalse();
        assertThat(categories().delete(engineering.id())).isTrue();

        fixture().store().rooms().delete(lobby.id());
        assertThat(categories().delete(research.id())).isTrue();
        assertThat(categories().list()).isEmpty();
    }

    @Test
    default void concurrentCreatesShouldAllBeStored() {
        int perThread = 50;
        CategoryStore categories = categories();

        Concurrently.run(2, t -> {
            for (int i = 0; i < perThread; i++) {
                assertThat(categories.create(Category.named("Category " + t + "-" + i))).isTrue();
            }
        });

        assertThat(categories().list()).hasSize(2 * perThread);
    }

    @Test
    default void concurrentCreatesOfTheSameNameShouldLetExactlyOneWin() {
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        CategoryStore categories = categories();

        Concurrently.run(2, t -> results.add(categories.create(Category.named(t == 0 ? "Lobby" : "LOBBY"))));

        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(categories().list()).hasSize(1);
    }

    @Test
    default void categoriesShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        Category engineering = engineering();
        Category research = Category.named("Research");
        categories().create(engineering);
        categories().create(research);
        categories().create(Category.named("Gone"));
        categories().delete(categories().findByName("Gone").orElseThrow().id());
        categories().update(research.withDescription("changed"));

        CategoryStore reopened = fixture().reopen().categories();

        assertThat(reopened.list()).containsExactly(engineering, research.withDescription("changed"));
        assertThat(reopened.create(Category.named("RESEARCH"))).isFalse();
    }
}
