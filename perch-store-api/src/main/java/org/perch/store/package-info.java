/**
 * The store interfaces every backend implements (accounts, rosters; chat in {@code org.perch.store.chat}), and their records. No SQL here: the
 * contract suite in perch-store-tck defines what each method must do.
 */
package org.perch.store;
