package org.perch.store.chat;

/** Lync room Type: in an {@link #AUDITORIUM} only presenters post, everyone else reads. */
public enum RoomType {
    NORMAL,
    AUDITORIUM
}
