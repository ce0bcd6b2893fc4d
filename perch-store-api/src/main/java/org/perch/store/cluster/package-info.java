/**
 * What a store keeps for the pool it serves: the topology published to it ({@code perch topology publish}),
 * every version kept, the highest one current; the servers running ({@link org.perch.store.cluster.NodeRegistry});
 * and the pool feed of room events they all read ({@link org.perch.store.cluster.PoolFeed}) with the signal that
 * wakes its readers ({@link org.perch.store.cluster.FeedSignal}).
 */
package org.perch.store.cluster;
