/** XEP-0363 HTTP File Upload: the upload service {@code upload.<domain>}, which grants upload slots. */
package org.perch.xmpp.upload;
