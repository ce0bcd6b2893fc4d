package org.perch.xmpp.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.perch.core.Jid;

/**
 * The bound sessions of this server, by full JID and by bare JID, and the detached sessions waiting to be
 * resumed (XEP-0198), by their resumption id.
 */
public final class SessionRegistry {
    private final Map<Jid, Map<String, ClientSession>> byBare = new ConcurrentHashMap<>();
    private final Map<String, ClientSession> resumable = new ConcurrentHashMap<>();

    /**
     * Binds the session to its full JID and returns the session that held that JID before, if any (the caller
     * closes it with a {@code conflict} stream error, RFC 6120 §7.7.2.2).
     */
    Optional<ClientSession> bind(Jid full, ClientSession session) {
        Map<String, ClientSession> resources = byBare.computeIfAbsent(full.toBare(), k -> new ConcurrentHashMap<>());
        return Optional.ofNullable(resources.put(full.resource(), session)).filter(old -> old != session);
    }

    /** Removes the session if it is still the one bound to its JID. */
    void unbind(Jid full, ClientSession session) {
        byBare.computeIfPresent(full.toBare(), (bare, resources) -> {
            resources.remove(full.resource(), session);
            return resources.isEmpty() ? null : resources;
        });
    }

    public Optional<ClientSession> find(Jid full) {
        Map<String, ClientSession> resources = byBare.get(full.toBare());
        return resources == null ? Optional.empty() : Optional.ofNullable(resources.get(full.resource()));
    }

    /** Every bound session of the account (connected or waiting for resumption). */
    public List<ClientSession> sessionsOf(Jid bare) {
        Map<String, ClientSession> resources = byBare.get(bare.toBare());
        return resources == null ? List.of() : new ArrayList<>(resources.values());
    }

    public Collection<ClientSession> all() {
        List<ClientSession> out = new ArrayList<>();
        byBare.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    public int size() {
        return byBare.values().stream().mapToInt(Map::size).sum();
    }

    void parkForResumption(String id, ClientSession session) {
        resumable.put(id, session);
    }

    Optional<ClientSession> takeResumable(String id) {
        return Optional.ofNullable(resumable.remove(id));
    }

    void forgetResumable(String id, ClientSession session) {
        resumable.remove(id, session);
    }
}
