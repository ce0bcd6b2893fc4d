/**
 * {@code perch compliance verify}: reads exported files of either adapter back and checks their hash chains
 * ({@link org.perch.compliance.verify.ComplianceVerifier}).
 */
package org.perch.compliance.verify;
