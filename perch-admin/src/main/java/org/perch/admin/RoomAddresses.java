package org.perch.admin;

import java.util.Locale;

/** The address a room gets when its creator gives none (admin API and room management page alike). */
public final class RoomAddresses {

    private RoomAddresses() {
    }

    /**
     * The room's name, lower-cased, with runs of other characters than letters, digits, '.', '_' and '-' as one
     * '-': {@code "Bond Desk"} is {@code bond-desk}. Refused (field {@code address}) when nothing usable is left.
     */
    public static String fromName(String name) {
        String address = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (address.isEmpty()) {
            throw ApiException.invalid("address", "the name gives no usable address; give one");
        }
        return address;
    }
}
