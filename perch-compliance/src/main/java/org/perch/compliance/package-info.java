/**
 * The compliance record's export (spec §10): the hash chain that links each room's events ({@link
 * org.perch.compliance.EventChain}, {@link org.perch.compliance.Chains}), the adapter interface third parties
 * implement ({@link org.perch.compliance.ComplianceAdapter}) and Perch's two adapters, Lync's XML format
 * ({@link org.perch.compliance.XmlAdapter}) and JSON Lines ({@link org.perch.compliance.JsonLinesAdapter}).
 */
package org.perch.compliance;
