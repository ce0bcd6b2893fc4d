package org.perch.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.PolicyIdentity;
import org.slf4j.LoggerFactory;

/** Signing in and out of the room management page: /rooms/api/session. */
class SessionApiTest extends WebTestBase {

    @Test
    void signingInShouldSetAStrictSessionCookieAndTellWhoIAm() throws Exception {
        HttpResponse<String> signedIn = signIn("Alice@Example.org", PASSWORD);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(json(signedIn).path("jid").asText()).isEqualTo("alice@example.org");
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("__Host-perch-session=").contains("; Path=/").contains("; Secure")
                .contains("; HttpOnly").contains("; SameSite=Strict").doesNotContain("Max-Age");
        String id = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(id).as("256 random bits, base64url").matches("[A-Za-z0-9_-]{43}");

        HttpResponse<String> me = call("GET", "/rooms/api/session", id, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("jid").asText()).isEqualTo("alice@example.org");
        assertThat(session("alice")).as("every sign-in gets a new session").isNotEqualTo(id);
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountShouldBeRefusedAlike() throws Exception {
        HttpResponse<String> wrongPassword = signIn("alice@example.org", "not it");
        HttpResponse<String> unknown = signIn("nobody@example.org", PASSWORD);

        for (HttpResponse<String> refused : java.util.List.of(wrongPassword, unknown)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(error(refused).path("code").asText()).isEqualTo("unauthorized");
            assertThat(error(refused).path("message").asText()).isEqualTo("wrong JID or password");
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as("no browser password dialog").isEmpty();
        }
    }

    @Test
    void repeatedWrongPasswordsShouldLockTheAccountOutLikeAnXmppLogin() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("bob@example.org", "guess " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = signIn("bob@example.org", PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(error(locked).path("code").asText()).isEqualTo("locked-out");
        clock.advance(Duration.ofMinutes(6));
        assertThat(signIn("bob@example.org", PASSWORD).statusCode()).as("after the lockout").isEqualTo(200);
    }

    @Test
    void eachBadSignInFieldShouldBeNamed() throws Exception {
        assertInvalid("{\"password\": \"x\"}", "jid");
        assertInvalid("{\"jid\": \"alice@example.org\"}", "password");
        assertInvalid("{\"jid\": 7, \"password\": \"x\"}", "jid");
        assertInvalid("{\"jid\": \"example.org\", \"password\": \"x\"}", "jid");
        assertInvalid("{\"jid\": \"a@b@c\", \"password\": \"x\"}", "jid");
        assertInvalid("{\"jid\": \"alice@example.org\", \"password\": \"x\", \"remember\": true}", "remember");

        HttpResponse<String> notJson = send(pageRequest("/rooms/api/session", null)
                .POST(HttpRequest.BodyPublishers.ofString("jid=alice")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(error(notJson).path("code").asText()).isEqualTo("bad-request");
        HttpResponse<String> form = send(request("/rooms/api/session").header("X-Perch-Request", "1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jid=alice")));
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void aChangeWithoutThePagesHeaderOrFromAnotherSiteShouldBeRefused() throws Exception {
        String body = "{\"jid\": \"alice@example.org\", \"password\": \"" + PASSWORD + "\"}";
        HttpResponse<String> noHeader = send(request("/rooms/api/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> otherSite = send(pageRequest("/rooms/api/session", null)
                .header("Origin", "https://evil.example.com").POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> sameSite = send(pageRequest("/rooms/api/session", null)
                .header("Origin", "http://127.0.0.1:" + site.port()).POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(error(noHeader).path("message").asText()).contains("X-Perch-Request: 1");
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(error(otherSite).path("message").asText()).contains("another site");
        assertThat(sameSite.statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutShouldEndTheSessionAndClearTheCookie() throws Exception {
        String id = session("alice");

        HttpResponse<String> out = call("DELETE", "/rooms/api/session", id, null);

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-perch-session=;")
                .contains("Max-Age=0");
        assertThat(call("GET", "/rooms/api/session", id, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/rooms/api/rooms", id, null).statusCode()).isEqualTo(401);
        assertThat(call("DELETE", "/rooms/api/session", id, null).statusCode()).as("twice is no error")
                .isEqualTo(204);
    }

    @Test
    void aSessionShouldEndAfterThirtyIdleMinutesButNotWhileInUse() throws Exception {
        String id = session("alice");

        clock.advance(Duration.ofMinutes(29));
        assertThat(call("GET", "/rooms/api/session", id, null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(call("GET", "/rooms/api/session", id, null).statusCode()).as("used 29 minutes ago")
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        HttpResponse<String> idle = call("GET", "/rooms/api/session", id, null);
        assertThat(idle.statusCode()).isEqualTo(401);
        assertThat(error(idle).path("message").asText()).contains("sign in");
    }

    @Test
    void withoutASessionTheApiShouldAskToSignIn() throws Exception {
        assertThat(call("GET", "/rooms/api/session", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/rooms/api/session", "made-up", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/rooms/api/rooms", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/rooms/api/nowhere", null, null).statusCode()).as("nothing shown before sign-in")
                .isEqualTo(401);
        HttpResponse<String> put = call("PUT", "/rooms/api/session", null, "{}");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(error(put).path("message").asText()).contains("DELETE, GET, POST");
        assertThat(call("GET", "/rooms/api/nowhere", session("alice"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void theGateShouldRefuseAUserAtSignInAndEndASessionItNoLongerAdmits() throws Exception {
        String id = session("alice");
        gate = user -> user.local().equals("alice") ? Optional.of("Persistent Chat is off for you") : Optional.empty();

        HttpResponse<String> refused = signIn("alice@example.org", PASSWORD);
        HttpResponse<String> inSession = call("GET", "/rooms/api/rooms", id, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(error(refused).path("message").asText()).isEqualTo("Persistent Chat is off for you");
        assertThat(inSession.statusCode()).isEqualTo(403);
        gate = SignInGate.EVERYONE;
        assertThat(call("GET", "/rooms/api/rooms", id, null).statusCode()).as("the session ended").isEqualTo(401);
        assertThat(signIn("bob@example.org", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void persistentChatPolicyShouldDecideWhoMayUseThePage() throws Exception {
        gate = SignInGate.byPolicy(chat);

        HttpResponse<String> off = signIn("alice@example.org", PASSWORD);
        chat.updatePolicy(OPERATOR, PolicyIdentity.GLOBAL, p -> p.withEnablePersistentChat(true));
        HttpResponse<String> on = signIn("alice@example.org", PASSWORD);

        assertThat(off.statusCode()).isEqualTo(403);
        assertThat(error(off).path("message").asText()).isEqualTo(ChatRooms.POLICY_DISABLED);
        assertThat(on.statusCode()).isEqualTo(200);
    }

    @Test
    void requestsShouldBeLoggedWithoutPasswords() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(WebApi.LOGGER);
        logger.addAppender(log);
        try {
            signIn("alice@example.org", "a wrong password");
            session("alice");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("who=- ") && line.contains("status=401"))
                .anyMatch(line -> line.contains("who=alice@example.org") && line.contains("status=200"))
                .noneMatch(line -> line.contains("wrong password") || line.contains(PASSWORD));
    }

    private void assertInvalid(String body, String field) throws Exception {
        HttpResponse<String> response = call("POST", "/rooms/api/session", null, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(error(response).path("code").asText()).isEqualTo("invalid");
        assertThat(error(response).path("field").asText()).as(body).isEqualTo(field);
    }
}
