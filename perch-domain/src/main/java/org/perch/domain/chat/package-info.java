/**
 * Lync Persistent Chat rules over the chat store: categories and their scopes (the ethical walls), rooms with
 * their privacy, type and roles, who may see, join, post, invite, configure and delete ({@link
 * org.perch.domain.chat.RoomAccess}), the service that applies every change ({@link
 * org.perch.domain.chat.ChatRooms}) and tells listeners about it ({@link org.perch.domain.chat.RoomEvent}), and
 * the group-committing {@link org.perch.domain.chat.HistoryWriter} that makes a message durable before anyone
 * sees it. Knows nothing of XMPP, SQL or sockets; refusals are {@link org.perch.domain.chat.ChatException}s whose
 * reason the protocol layer maps to its own errors.
 */
package org.perch.domain.chat;
