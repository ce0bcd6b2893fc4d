package org.perch.admin;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.perch.core.Principal;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;

/**
 * Categories, after New-, Set-, Get- and Remove-CsPersistentChatCategory: {@code /api/v1/categories} and
 * {@code /api/v1/categories/{name}}, a category being named by its name, compared without regard to case.
 */
final class CategoryResource {

    static final String COLLECTION = "/api/v1/categories";
    static final String ITEM = COLLECTION + "/{name}";
    private static final Set<String> FIELDS = Set.of("name", "description", "allowedMembers", "deniedMembers",
            "creators", "invitations", "fileUpload", "chatHistory");

    private final ChatRooms chat;

    CategoryResource(ChatRooms chat) {
        this.chat = chat;
    }

    void register(Routes routes) {
        routes.add("GET", COLLECTION, this::list)
                .add("POST", COLLECTION, this::create)
                .add("GET", ITEM, r -> ApiResponse.ok(CategoryView.of(find(chat, r.path("name")))))
                .add("PATCH", ITEM, this::update)
                .add("DELETE", ITEM, this::delete);
    }

    private ApiResponse list(ApiRequest request) {
        // The store lists categories sorted by name already.
        return ApiResponse.ok(Map.of("categories", chat.categories().stream().map(CategoryView::of).toList()));
    }

    private ApiResponse create(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        String name = body.requiredText("name");
        Category category = apply(body, field("name", () -> Category.named(name)));
        return ApiResponse.created(CategoryView.of(chat.createCategory(request.caller().jid(), category)));
    }

    private ApiResponse update(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        Category changed = apply(body, find(chat, request.path("name")));
        return ApiResponse.ok(CategoryView.of(chat.updateCategory(request.caller().jid(), changed)));
    }

    private ApiResponse delete(ApiRequest request) {
        chat.deleteCategory(request.caller().jid(), find(chat, request.path("name")).id());
        return ApiResponse.noContent();
    }

    /** The category with every field the body carries applied; the domain then checks names and scopes. */
    private static Category apply(Body body, Category category) {
        Category c = category;
        if (body.has("name")) {
            String name = body.requiredText("name");
            Category current = c;
            c = field("name", () -> current.withName(name));
        }
        if (body.has("description")) {
            String description = body.requiredText("description");
            Category current = c;
            c = field("description", () -> current.withDescription(description));
        }
        c = principals(body, "allowedMembers", c, Category::allowedMembers, Category::withAllowedMembers);
        c = principals(body, "deniedMembers", c, Category::deniedMembers, Category::withDeniedMembers);
        c = principals(body, "creators", c, Category::creators, Category::withCreators);
        CategoryFlags flags = c.flags();
        flags = body.bool("invitations").map(flags::withInvitations).orElse(flags);
        flags = body.bool("fileUpload").map(flags::withFileUpload).orElse(flags);
        flags = body.bool("chatHistory").map(flags::withChatHistory).orElse(flags);
        return c.withFlags(flags);
    }

    private static Category principals(Body body, String field, Category c, Function<Category, Set<Principal>> get,
                                       BiFunction<Category, Set<Principal>, Category> set) {
        return body.principals(field).map(change -> set.apply(c, change.applyTo(get.apply(c)))).orElse(c);
    }

    /** The category of that name, compared without regard to case, or a 404 naming it. */
    static Category find(ChatRooms chat, String name) {
        return chat.categoryByName(name).orElseThrow(() -> ApiException.notFound("no category named '" + name + "'"));
    }

    /** Runs a change the record validates, turning its refusal into an error naming the field. */
    static <T> T field(String field, Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, e.getMessage());
        }
    }
}
