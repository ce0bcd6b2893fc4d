/** Stanza-level helpers shared by every handler: addressing, IQ results and RFC 6120 §8 error replies. */
package org.perch.xmpp.stanza;
