package org.perch.bench.load;

import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.perch.bench.load.Accounts.Account;

/**
 * Takes a new connection to a bound resource (RFC 6120 §5-7): stream, STARTTLS, SASL, stream restart, bind. TLS is
 * required, as in every run of the bench: a server that does not offer STARTTLS fails the login. When the engine
 * registers its accounts, the encrypted stream first registers this one (XEP-0077 §3.1; an account that exists
 * already is fine, as on a second run) and then authenticates on the same stream. Runs on the connection's event
 * loop; its session lets it go once bound. Failures are thrown as {@link SessionException}s and end the session.
 */
final class LoginNegotiation {

    private static final String BIND_ID = "bind";
    private static final String REGISTER_ID = "register";

    private final XmppSession session;
    private final ClientSetup setup;
    private final Account account;
    private final String resource;
    private final CompletableFuture<XmppSession> result = new CompletableFuture<>();
    private boolean secured;
    private boolean authenticated;
    private SaslClient sasl;
    private boolean registered;
    /** The encrypted stream's features, kept while the registration is answered: SASL goes on from them. */
    private Element securedFeatures;

    LoginNegotiation(XmppSession session, ClientSetup setup, Account account, String resource) {
        this.session = session;
        this.setup = setup;
        this.account = account;
        this.resource = resource;
    }

    /** Completes when the resource is bound, or fails with the reason the login failed. */
    CompletableFuture<XmppSession> result() {
        return result;
    }

    /** TLS is up: the next features are the encrypted stream's. */
    void secured() {
        secured = true;
    }

    void handle(Element element) {
        switch (element.name()) {
            case "features" -> features(element);
            case "proceed" -> session.startTls();
            case "challenge" -> session.send(ClientStanzas.response(sasl.respond(decode(element.text()))));
            case "success" -> {
                sasl.verifySuccess(decode(element.text()));
                authenticated = true;
                sasl = null;
                session.restartStream();
            }
            case "failure" -> throw new SessionException(
                    secured ? "SASL failure " + SessionException.condition(element) : "STARTTLS failure",
                    "as " + account.user());
            case "iq" -> {
                if (element.id().equals(REGISTER_ID)) {
                    registered(element);
                } else {
                    bound(element);
                }
            }
            case "error" -> throw new SessionException("stream error " + SessionException.condition(element),
                    "during login");
            default -> { }
        }
    }

    void fail(Throwable why) {
        result.completeExceptionally(why);
    }

    private void features(Element features) {
        if (!secured) {
            if (features.child("starttls").isEmpty()) {
                throw new SessionException("no STARTTLS", "the bench runs with TLS on; the server offers none");
            }
            session.send(ClientStanzas.STARTTLS);
        } else if (!authenticated && setup.register() && !registered) {
            if (features.child("register", "http://jabber.org/features/iq-register").isEmpty()) {
                throw new SessionException("no in-band registration",
                        "--register needs XEP-0077 on the server; its features: " + features);
            }
            securedFeatures = features;
            session.send(ClientStanzas.register(REGISTER_ID, account.user(), account.password()));
        } else if (!authenticated) {
            sasl = SaslClient.of(setup.mechanism(), account.user(), account.password());
            boolean offered = features.child("mechanisms").stream().flatMap(m -> m.children().stream())
                    .anyMatch(m -> m.text().equals(sasl.mechanism()));
            if (!offered) {
                throw new SessionException(sasl.mechanism() + " not offered", "the server's features: " + features);
            }
            session.send(ClientStanzas.auth(sasl.mechanism(), sasl.initialResponse()));
        } else {
            if (features.child("bind").isEmpty()) {
                throw new SessionException("no resource binding", "the server's features: " + features);
            }
            session.send(ClientStanzas.bind(BIND_ID, resource));
        }
    }

    /** The account is made, or was there already: authenticate with it on the features kept for that. */
    private void registered(Element iq) {
        if (iq.type().equals("error") && !SessionException.errorCondition(iq).equals("conflict")) {
            throw new SessionException("registration refused " + SessionException.errorCondition(iq),
                    "as " + account.user());
        }
        registered = true;
        features(securedFeatures);
    }

    private void bound(Element iq) {
        if (!iq.id().equals(BIND_ID)) {
            return;
        }
        if (!iq.type().equals("result")) {
            throw new SessionException("bind refused " + SessionException.errorCondition(iq),
                    "as " + account.user() + "/" + resource);
        }
        session.established();
        result.complete(session);
    }

    private static byte[] decode(String base64) {
        return base64.isEmpty() || base64.equals("=") ? new byte[0] : Base64.getDecoder().decode(base64.strip());
    }
}
