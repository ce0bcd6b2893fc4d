/** Value types shared by every Perch module: addresses and identifiers. No dependencies. */
package org.perch.core;
