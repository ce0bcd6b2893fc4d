package org.perch.admin;

import java.util.Collection;
import java.util.List;
import org.perch.core.Principal;
import org.perch.store.chat.Category;

/** A category as the API shows it; principals as URIs, sorted. */
record CategoryView(String id, String name, String description, List<String> allowedMembers,
                    List<String> deniedMembers, List<String> creators, boolean invitations, boolean fileUpload,
                    boolean chatHistory) {

    static CategoryView of(Category c) {
        return new CategoryView(c.id().toString(), c.name(), c.description(), uris(c.allowedMembers()),
                uris(c.deniedMembers()), uris(c.creators()), c.flags().invitations(), c.flags().fileUpload(),
                c.flags().chatHistory());
    }

    static List<String> uris(Collection<Principal> principals) {
        return principals.stream().map(Principal::uri).sorted().toList();
    }
}
