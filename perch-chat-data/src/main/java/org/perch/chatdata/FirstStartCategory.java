package org.perch.chatdata;

import java.util.Objects;
import java.util.Set;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;

/**
 * The category a server's first start creates ({@code chat.bootstrap-category}, {@code General} by default): every
 * user of the domain may join its rooms and create rooms in it. While it is untouched and holds no room, a store
 * that has it counts as empty, and an import replaces it with the file's categories.
 */
public record FirstStartCategory(String name, String domain) {

    public FirstStartCategory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
    }

    /** Whether the category is this one as the first start made it, unchanged since. */
    public boolean untouched(Category category) {
        Set<Principal> everyone = Set.of(new Principal.Domain(domain));
        return category.name().equalsIgnoreCase(name.strip()) && category.description().isEmpty()
                && category.allowedMembers().equals(everyone) && category.deniedMembers().isEmpty()
                && category.creators().equals(everyone) && category.flags().equals(CategoryFlags.DEFAULTS);
    }
}
