/**
 * The room management page (Lync's RoomManagementUrl): where users sign in with their XMPP account and create,
 * edit and list their rooms. Static files from the classpath and a JSON API under {@code /rooms/api/}, served by
 * the JDK's HTTP(S) server; every change goes through {@link org.perch.domain.chat.ChatRooms}, so the Lync rules
 * and live updates to occupants are the domain's.
 */
package org.perch.web;
