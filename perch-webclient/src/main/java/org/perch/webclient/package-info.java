/**
 * The web client Perch serves on its HTTP port: Converse.js as its npm package ships it, Perch's page and script
 * around it, and the small configuration document the page reads at start. Knows no transport: the HTTP listener
 * asks {@link org.perch.webclient.WebClient#find} for a path and sends what it gets.
 */
package org.perch.webclient;
