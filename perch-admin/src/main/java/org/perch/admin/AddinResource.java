package org.perch.admin;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.Addin;

/**
 * Add-ins, after New-, Set-, Get- and Remove-CsPersistentChatAddin: {@code /api/v1/addins} and
 * {@code /api/v1/addins/{name}}. {@code DELETE ...?force=true} is {@code -Force}: it takes the add-in out of the
 * rooms that show it instead of refusing.
 */
final class AddinResource {

    static final String COLLECTION = "/api/v1/addins";
    static final String ITEM = COLLECTION + "/{name}";
    private static final Set<String> FIELDS = Set.of("name", "url");

    record AddinView(String id, String name, String url) {
        static AddinView of(Addin addin) {
            return new AddinView(addin.id().toString(), addin.name(), addin.url().toString());
        }
    }

    private final ChatRooms chat;

    AddinResource(ChatRooms chat) {
        this.chat = chat;
    }

    void register(Routes routes) {
        routes.add("GET", COLLECTION, r -> ApiResponse.ok(Map.of("addins",
                        chat.addins().stream().map(AddinView::of).toList())))
                .add("POST", COLLECTION, this::create)
                .add("GET", ITEM, r -> ApiResponse.ok(AddinView.of(find(r.path("name")))))
                .add("PATCH", ITEM, this::update)
                .add("DELETE", ITEM, this::delete);
    }

    private ApiResponse create(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        String name = body.requiredText("name");
        String url = body.requiredText("url");
        URI checked = CategoryResource.field("url", () -> Addin.url(url));
        Addin addin = CategoryResource.field("name", () -> new Addin(UUID.randomUUID(), name, checked));
        return ApiResponse.created(AddinView.of(chat.createAddin(request.caller().jid(), addin)));
    }

    private ApiResponse update(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        Addin current = find(request.path("name"));
        Addin changed = current;
        if (body.has("name")) {
            String name = body.requiredText("name");
            Addin before = changed;
            changed = CategoryResource.field("name", () -> before.withName(name));
        }
        if (body.has("url")) {
            String url = body.requiredText("url");
            Addin before = changed;
            changed = CategoryResource.field("url", () -> before.withUrl(url));
        }
        Addin result = changed;
        return ApiResponse.ok(AddinView.of(chat.updateAddin(request.caller().jid(), current.name(), a -> result)));
    }

    private ApiResponse delete(ApiRequest request) {
        chat.deleteAddin(request.caller().jid(), find(request.path("name")).name(), request.flag("force"));
        return ApiResponse.noContent();
    }

    private Addin find(String name) {
        return chat.addin(name).orElseThrow(() -> ApiException.notFound("no add-in named '" + name + "'"));
    }
}
