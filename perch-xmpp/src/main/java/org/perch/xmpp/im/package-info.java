/** RFC 6121 instant messaging between local accounts: rosters, presence and subscriptions, message delivery. */
package org.perch.xmpp.im;
