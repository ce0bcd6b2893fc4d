/**
 * Value types shared by every Perch module: addresses and identifiers, and the rules for names that people must tell
 * apart. Depends only on ICU4J, for Unicode's confusables data ({@link org.perch.core.LookAlikes}).
 */
package org.perch.core;
