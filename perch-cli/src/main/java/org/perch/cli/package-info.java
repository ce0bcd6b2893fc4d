/**
 * The {@code perch} command line: {@code serve}, account administration ({@code user …}) straight on the
 * data directory's store, and configuration help ({@code config keys}, {@code config check}). One class per
 * command; errors are one line {@code perch: <message>} on standard error.
 */
package org.perch.cli;
