package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.Consumer;
import org.perch.core.CategoryId;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;

/** A category with its scope, creators and switches, under its own id, so an import keeps its identity. */
final class CategoryKind implements RecordKind<Category> {

    @Override
    public String type() {
        return "category";
    }

    @Override
    public String noun(long count) {
        return count + (count == 1 ? " category" : " categories");
    }

    @Override
    public void export(ExportSource source, Consumer<Category> out) {
        source.categories().forEach(out);
    }

    @Override
    public void write(Category category, ExportSource source, ObjectNode line) {
        line.put("id", category.id().toString());
        line.put("name", category.name());
        line.put("description", category.description());
        DataJson.putPrincipals(line, "allowedMembers", category.allowedMembers());
        DataJson.putPrincipals(line, "deniedMembers", category.deniedMembers());
        DataJson.putPrincipals(line, "creators", category.creators());
        line.put("invitations", category.flags().invitations());
        line.put("fileUpload", category.flags().fileUpload());
        line.put("chatHistory", category.flags().chatHistory());
    }

    @Override
    public Category read(LineFields fields, Catalog catalog) {
        CategoryId id = new CategoryId(fields.uuid("id"));
        String name = fields.text("name");
        String description = fields.text("description");
        Set<Principal> allowed = fields.principals("allowedMembers");
        Set<Principal> denied = fields.principals("deniedMembers");
        Set<Principal> creators = fields.principals("creators");
        CategoryFlags flags = new CategoryFlags(fields.bool("invitations"), fields.bool("fileUpload"),
                fields.bool("chatHistory"));
        Category named = fields.check("name",
                () -> new Category(id, name, "", Set.of(), Set.of(), Set.of(), CategoryFlags.DEFAULTS));
        Category category = fields.check("description", () -> named.withDescription(description))
                .withAllowedMembers(allowed).withDeniedMembers(denied).withCreators(creators).withFlags(flags);
        catalog.category(category, fields);
        return category;
    }

    @Override
    public void restore(Category category, Restorer restorer) {
        if (!restorer.store().categories().create(category)) {
            throw new ChatDataException("the store refused category '" + category.name()
                    + "': its id or name is taken");
        }
    }
}
