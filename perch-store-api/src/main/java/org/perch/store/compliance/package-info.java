/**
 * The compliance record's data (spec §10): the events captured with each change, and the stores that hold them
 * on their way to the adapters.
 */
package org.perch.store.compliance;
