/**
 * The store side of the Personal Eventing Protocol (XEP-0163 on XEP-0060): each account's nodes, their
 * configuration, and their items in publication order. Payloads are XML text the store keeps without reading it;
 * what a node may hold and who may read it is decided by the XMPP layer.
 */
package org.perch.store.pep;
