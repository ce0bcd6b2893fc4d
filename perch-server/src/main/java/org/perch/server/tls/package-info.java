/**
 * The server's TLS certificate and key: reading the operator's PEM files, or generating and reusing a
 * self-signed certificate in the data directory.
 */
package org.perch.server.tls;
