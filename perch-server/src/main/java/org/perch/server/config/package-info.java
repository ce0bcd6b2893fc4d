/**
 * Server configuration: the key table ({@link org.perch.server.config.ConfigKeys}), the loader that merges
 * defaults, a properties file, {@code PERCH_*} environment variables and command-line overrides, and the
 * validated {@link org.perch.server.config.PerchConfig} record with one record per section.
 */
package org.perch.server.config;
