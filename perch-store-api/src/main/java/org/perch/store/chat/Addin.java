package org.perch.store.chat;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * A Lync add-in: a web page a room can show beside its conversation (the client's extensibility pane). Registered
 * by an administrator under a name unique without regard to case; rooms name the add-in they show.
 */
public record Addin(UUID id, String name, URI url) {

    /** Lync's limits: {@code siopName nvarchar(50)}, {@code siopUrl nvarchar(255)}. */
    public static final int MAX_NAME_LENGTH = 50;
    public static final int MAX_URL_LENGTH = 255;

    public Addin {
        Objects.requireNonNull(id, "id");
        name = Names.requireName(name, MAX_NAME_LENGTH, "add-in name");
        check(Objects.requireNonNull(url, "url"));
    }

    /** A new add-in; throws IllegalArgumentException naming what is wrong with the name or the URL. */
    public static Addin create(String name, String url) {
        return new Addin(UUID.randomUUID(), name, url(url));
    }

    public Addin withName(String newName) {
        return new Addin(id, newName, url);
    }

    public Addin withUrl(String newUrl) {
        return new Addin(id, name, url(newUrl));
    }

    /** The text as an add-in URL; throws IllegalArgumentException naming what is wrong with it. */
    public static URI url(String text) {
        return check(Names.requireWebUrl(text, "an add-in URL"));
    }

    private static URI check(URI url) {
        Names.requireWebUrl(url, "an add-in URL");
        if (url.toString().length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("an add-in URL is at most " + MAX_URL_LENGTH + " characters");
        }
        return url;
    }
}
