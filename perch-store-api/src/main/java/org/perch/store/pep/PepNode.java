package org.perch.store.pep;

import java.util.Objects;

/** One of an account's nodes: its name (e.g. {@code urn:xmpp:bookmarks:1}) and configuration. */
public record PepNode(String name, PepNodeConfig config) {
    public PepNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }
}
