package org.perch.store.chat;

import java.util.Objects;
import java.util.Set;
import org.perch.core.CategoryId;
import org.perch.core.Principal;

/**
 * A Lync category: a flat group of rooms whose scope (allowed minus denied principals) bounds who may be in
 * them, and whose creators may add rooms. Names are unique per pool, compared without regard to case.
 */
public record Category(CategoryId id, String name, String description, Set<Principal> allowedMembers,
                       Set<Principal> deniedMembers, Set<Principal> creators, CategoryFlags flags) {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 256;

    public Category {
        Objects.requireNonNull(id, "id");
        name = Names.requireName(name, MAX_NAME_LENGTH, "category name");
        description = Names.requireDescription(description, MAX_DESCRIPTION_LENGTH);
        allowedMembers = Set.copyOf(allowedMembers);
        deniedMembers = Set.copyOf(deniedMembers);
        creators = Set.copyOf(creators);
        Objects.requireNonNull(flags, "flags");
    }

    public static Category named(String name) {
        return new Category(CategoryId.random(), name, "", Set.of(), Set.of(), Set.of(), CategoryFlags.DEFAULTS);
    }

    public Category withName(String newName) {
        return new Category(id, newName, description, allowedMembers, deniedMembers, creators, flags);
    }

    public Category withDescription(String newDescription) {
        return new Category(id, name, newDescription, allowedMembers, deniedMembers, creators, flags);
    }

    public Category withAllowedMembers(Set<Principal> principals) {
        return new Category(id, name, description, principals, deniedMembers, creators, flags);
    }

    public Category withDeniedMembers(Set<Principal> principals) {
        return new Category(id, name, description, allowedMembers, principals, creators, flags);
    }

    public Category withCreators(Set<Principal> principals) {
        return new Category(id, name, description, allowedMembers, deniedMembers, principals, flags);
    }

    public Category withFlags(CategoryFlags newFlags) {
        return new Category(id, name, description, allowedMembers, deniedMembers, creators, newFlags);
    }
}
