package org.perch.admin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.EffectivePolicy;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyIdentity;

/**
 * Persistent Chat policies, after New-, Set-, Get-, Remove- and Grant-CsPersistentChatPolicy:
 * {@code /api/v1/policies}, {@code /api/v1/policies/{identity}} ({@code global}, {@code site:<name>},
 * {@code tag:<name>} or a bare per-user policy name) and {@code /api/v1/users/{jid}/policy}.
 */
final class PolicyResource {

    static final String COLLECTION = "/api/v1/policies";
    static final String ITEM = COLLECTION + "/{identity}";
    static final String GRANT = "/api/v1/users/{jid}/policy";
    private static final Set<String> NEW_FIELDS = Set.of("identity", "description", "enablePersistentChat");
    private static final Set<String> CHANGE_FIELDS = Set.of("description", "enablePersistentChat");

    record PolicyView(String identity, String scope, String description, boolean enablePersistentChat) {
        static PolicyView of(ChatPolicy policy) {
            String scope = switch (policy.identity()) {
                case PolicyIdentity.Global g -> "global";
                case PolicyIdentity.Site s -> "site";
                case PolicyIdentity.Tag t -> "user";
            };
            return new PolicyView(policy.identity().toString(), scope, policy.description(),
                    policy.enablePersistentChat());
        }
    }

    /** Whose policy, the per-user one granted (or null), and the one that decides. */
    record UserPolicyView(String user, String granted, PolicyView effective) {
        static UserPolicyView of(EffectivePolicy p) {
            return new UserPolicyView(p.user().toString(), p.granted().map(PolicyIdentity::toString).orElse(null),
                    PolicyView.of(p.policy()));
        }
    }

    private final ChatRooms chat;

    PolicyResource(ChatRooms chat) {
        this.chat = chat;
    }

    void register(Routes routes) {
        routes.add("GET", COLLECTION, r -> ApiResponse.ok(Map.of("policies",
                        chat.policies().stream().map(PolicyView::of).toList())))
                .add("POST", COLLECTION, this::create)
                .add("GET", ITEM, r -> ApiResponse.ok(PolicyView.of(find(r.path("identity")))))
                .add("PATCH", ITEM, this::update)
                .add("DELETE", ITEM, this::remove)
                .add("GET", GRANT, r -> ApiResponse.ok(UserPolicyView.of(chat.effectivePolicy(user(r)))))
                .add("PUT", GRANT, this::grant);
    }

    private ApiResponse create(ApiRequest request) {
        Body body = new Body(request.body()).only(NEW_FIELDS);
        PolicyIdentity identity = identity("identity", body.requiredText("identity"));
        ChatPolicy policy = changed(ChatPolicy.defaults(identity), body);
        return ApiResponse.created(PolicyView.of(chat.createPolicy(request.caller().jid(), policy)));
    }

    private ApiResponse update(ApiRequest request) {
        Body body = new Body(request.body()).only(CHANGE_FIELDS);
        ChatPolicy current = find(request.path("identity"));
        ChatPolicy after = changed(current, body);
        return ApiResponse.ok(PolicyView.of(chat.updatePolicy(request.caller().jid(), current.identity(),
                p -> after)));
    }

    private ApiResponse remove(ApiRequest request) {
        boolean force = request.flag("force");
        chat.removePolicy(request.caller().jid(), find(request.path("identity")).identity(), force);
        return ApiResponse.noContent();
    }

    /** {@code {"policy": "Traders"}} grants a per-user policy; {@code {"policy": null}} takes the grant away. */
    private ApiResponse grant(ApiRequest request) {
        Body body = new Body(request.body()).only(Set.of("policy"));
        if (!body.has("policy")) {
            throw ApiException.invalid("policy", "policy is required: a per-user policy's name, or null for none");
        }
        Optional<PolicyIdentity.Tag> policy = Optional.empty();
        if (!body.isNull("policy")) {
            if (!(identity("policy", body.requiredText("policy")) instanceof PolicyIdentity.Tag tag)) {
                throw ApiException.invalid("policy", "only a per-user policy is granted; global and site policies"
                        + " apply by themselves");
            }
            policy = Optional.of(tag);
        }
        Jid user = user(request);
        chat.grantPolicy(request.caller().jid(), user, policy);
        return ApiResponse.ok(UserPolicyView.of(chat.effectivePolicy(user)));
    }

    private static ChatPolicy changed(ChatPolicy policy, Body body) {
        ChatPolicy result = policy;
        Optional<String> description = body.text("description");
        if (description.isPresent()) {
            ChatPolicy before = result;
            result = CategoryResource.field("description", () -> before.withDescription(description.get()));
        }
        Optional<Boolean> enabled = body.bool("enablePersistentChat");
        if (enabled.isPresent()) {
            result = result.withEnablePersistentChat(enabled.get());
        }
        return result;
    }

    private ChatPolicy find(String identity) {
        PolicyIdentity id = identity("identity", identity);
        return chat.policy(id).orElseThrow(() -> ApiException.notFound("no policy '" + id + "'"));
    }

    private static PolicyIdentity identity(String field, String text) {
        return CategoryResource.field(field, () -> PolicyIdentity.parse(text));
    }

    private static Jid user(ApiRequest request) {
        String text = request.path("jid");
        return CategoryResource.field("jid", () -> Jid.of(text)).toBare();
    }
}
