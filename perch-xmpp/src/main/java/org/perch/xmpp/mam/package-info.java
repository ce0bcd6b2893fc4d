/**
 * Message Archive Management (XEP-0313, urn:xmpp:mam:2 with the #extended ids) with Result Set Management
 * (XEP-0059) paging: the query form, its translation to a store query, and the forwarded results.
 */
package org.perch.xmpp.mam;
