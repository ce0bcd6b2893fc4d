/**
 * The Personal Eventing Protocol (XEP-0163, the subset of XEP-0060 it needs) on each account's bare JID: publish
 * with publish-options, item retrieval, retraction, node purge and deletion, and event notifications to the owner's
 * own resources, on every server of a pool. XEP-0402 bookmarks and XEP-0490 read markers are nodes of it, and
 * private XML storage (XEP-0049) is kept beside them, its XEP-0048 bookmarks a view of the XEP-0402 node;
 * {@link org.perch.xmpp.pep.PepService} is where to start.
 */
package org.perch.xmpp.pep;
