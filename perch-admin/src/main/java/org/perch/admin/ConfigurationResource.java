package org.perch.admin;

import java.net.URI;
import java.util.Set;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.ChatConfiguration;

/**
 * The deployment's configuration, after Get-, Set- and Remove-CsPersistentChatConfiguration:
 * {@code /api/v1/configuration}. A change is in force for every room at once; DELETE goes back to the values of
 * the configuration file.
 */
final class ConfigurationResource {

    static final String PATH = "/api/v1/configuration";
    private static final Set<String> FIELDS = Set.of("defaultChatHistory", "participantUpdateLimit", "maxFileSizeKb",
            "roomManagementUrl");

    record ConfigurationView(int defaultChatHistory, int participantUpdateLimit, int maxFileSizeKb,
                             String roomManagementUrl) {
        static ConfigurationView of(ChatConfiguration c) {
            return new ConfigurationView(c.defaultChatHistory(), c.participantUpdateLimit(), c.maxFileSizeKb(),
                    c.roomManagementUrl().map(URI::toString).orElse(null));
        }
    }

    private final ChatRooms chat;

    ConfigurationResource(ChatRooms chat) {
        this.chat = chat;
    }

    void register(Routes routes) {
        routes.add("GET", PATH, r -> ApiResponse.ok(ConfigurationView.of(chat.configuration())))
                .add("PATCH", PATH, this::update)
                .add("DELETE", PATH, r -> ApiResponse.ok(ConfigurationView.of(
                        chat.resetConfiguration(r.caller().jid()))));
    }

    private ApiResponse update(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        ChatConfiguration c = chat.configuration();
        if (body.has("defaultChatHistory")) {
            int value = body.requiredInt("defaultChatHistory");
            ChatConfiguration before = c;
            c = CategoryResource.field("defaultChatHistory", () -> before.withDefaultChatHistory(value));
        }
        if (body.has("participantUpdateLimit")) {
            int value = body.requiredInt("participantUpdateLimit");
            ChatConfiguration before = c;
            c = CategoryResource.field("participantUpdateLimit", () -> before.withParticipantUpdateLimit(value));
        }
        if (body.has("maxFileSizeKb")) {
            int value = body.requiredInt("maxFileSizeKb");
            ChatConfiguration before = c;
            c = CategoryResource.field("maxFileSizeKb", () -> before.withMaxFileSizeKb(value));
        }
        if (body.has("roomManagementUrl")) {
            String value = body.isNull("roomManagementUrl") ? "" : body.requiredText("roomManagementUrl");
            ChatConfiguration before = c;
            c = CategoryResource.field("roomManagementUrl", () -> before.withRoomManagementUrl(value));
        }
        ChatConfiguration changed = c;
        return ApiResponse.ok(ConfigurationView.of(chat.configure(request.caller().jid(), current -> changed)));
    }
}
