/**
 * The store interfaces every backend implements (accounts, rosters), and their records. No SQL here: the
 * contract suite in perch-store-tck defines what each method must do.
 */
package org.perch.store;
