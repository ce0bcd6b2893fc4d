/**
 * The store contract suite (TCK): one JUnit 5 interface per store interface, with {@code default @Test} methods
 * that every backend runs through a small binding class supplying a {@link org.perch.store.tck.StoreFixture}.
 */
package org.perch.store.tck;
