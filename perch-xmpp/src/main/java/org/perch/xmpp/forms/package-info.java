/** XEP-0004 data forms, used by ad-hoc commands, registration and extended service discovery. */
package org.perch.xmpp.forms;
