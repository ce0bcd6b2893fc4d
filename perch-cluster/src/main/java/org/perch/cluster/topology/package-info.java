/**
 * The pool topology (Lync's Topology Builder document, spec §11.2): its model, read from a JSON file by
 * {@link org.perch.cluster.topology.TopologyParser}, checked by {@link org.perch.cluster.topology.TopologyValidator},
 * summed up in a {@link org.perch.cluster.topology.TopologyReport}, and published to each pool's store by
 * {@link org.perch.cluster.topology.TopologyPublisher}. The schema and every rule are in docs/topology.md.
 */
package org.perch.cluster.topology;
