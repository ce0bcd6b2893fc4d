/** The Multi-User Chat service (XEP-0045) that carries Lync's persistent chat rooms. */
package org.perch.xmpp.muc;
