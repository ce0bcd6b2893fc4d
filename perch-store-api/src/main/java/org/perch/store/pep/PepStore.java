package org.perch.store.pep;

import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;

/**
 * Each account's PEP nodes and items, keyed by the owner's bare JID. A node's items are ordered by publication:
 * republishing an item id makes it the newest. Deleting an account deletes its nodes. Every method is safe to call
 * from several threads at once; each change is atomic.
 */
public interface PepStore {

    Optional<PepNode> node(Jid owner, String node);

    /** The owner's nodes, by name. */
    List<PepNode> nodes(Jid owner);

    /** Creates an empty node; false (and nothing changed) if the owner already has one by that name. */
    boolean create(Jid owner, String node, PepNodeConfig config);

    /** Replaces the node's configuration, dropping its oldest items beyond the new maximum; false if no such node. */
    boolean configure(Jid owner, String node, PepNodeConfig config);

    /**
     * Stores the item as the node's newest, replacing any item with the same id, then drops the oldest items beyond
     * the node's maximum and returns their ids. Throws {@link org.perch.store.StoreException} if there is no such
     * node.
     */
    List<String> publish(Jid owner, String node, PepItem item);

    /** The node's newest {@code max} items, oldest first; empty if there is no such node. */
    List<PepItem> items(Jid owner, String node, int max);

    Optional<PepItem> item(Jid owner, String node, String itemId);

    /** Removes the item; false if the node has no such item. */
    boolean retract(Jid owner, String node, String itemId);

    /** Removes every item of the node, keeping the node; returns how many were removed. */
    int purge(Jid owner, String node);

    /** Deletes the node and its items; false if there is no such node. */
    boolean delete(Jid owner, String node);
}
