package org.perch.domain.files;

/**
 * An upload slot (XEP-0363 §5): where to PUT the file, once, within the slot's lifetime, and its canonical GET URL,
 * the one to post in a room.
 */
public record FileSlot(String id, String putUrl, String getUrl) {
}
