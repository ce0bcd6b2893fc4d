/** Test fixtures shared by the end-to-end tests: a real server on loopback and clients that trust it. */
package org.perch.testing;
