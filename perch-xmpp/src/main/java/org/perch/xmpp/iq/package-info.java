/** IQs answered by the server itself: dispatch by payload namespace, disco, ping, version, time, registration. */
package org.perch.xmpp.iq;
