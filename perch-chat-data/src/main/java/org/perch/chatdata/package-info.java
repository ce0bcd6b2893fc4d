/**
 * Persistent Chat data export and import (Lync's Export- and Import-CsPersistentChatData): the chat
 * configuration, categories, add-ins, rooms and their history, written to and read from a JSON Lines file
 * (docs/data-format.md) through the {@code org.perch.store} interfaces only, so it works on every backend.
 * Start reading at {@link org.perch.chatdata.ChatDataExport} and {@link org.perch.chatdata.ChatDataImport}.
 */
package org.perch.chatdata;
