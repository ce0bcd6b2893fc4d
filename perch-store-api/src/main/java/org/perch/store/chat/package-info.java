/**
 * The store side of Lync's persistent chat: categories, rooms (settings and roles), and room history with
 * paging and retraction. Records here hold data and validate their own shape; the rules between them (scopes,
 * who may do what) live in the domain.
 */
package org.perch.store.chat;
