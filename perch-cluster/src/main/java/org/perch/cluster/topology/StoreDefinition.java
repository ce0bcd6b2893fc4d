package org.perch.cluster.topology;

/** A database a pool may use as its chat, backup or compliance store. */
public sealed interface StoreDefinition permits PostgresStoreDefinition, EmbeddedStoreDefinition {

    /** The store's name in the topology. */
    String name();
}
