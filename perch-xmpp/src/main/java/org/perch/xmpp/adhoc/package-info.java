/** XEP-0050 ad-hoc commands with the XEP-0133 account administration commands, for administrators only. */
package org.perch.xmpp.adhoc;
