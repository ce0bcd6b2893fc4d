package org.perch.chatdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a data file line by line: the header on line 1, then one record per line. The file must be UTF-8;
 * lines end with {@code \n} (a {@code \r\n} is accepted too). Only the current line is held in memory. Lines are
 * split as bytes and decoded one at a time, so text that is not UTF-8 is reported on its own line.
 */
final class DataFileReader implements AutoCloseable {

    private final Path file;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final DataHeader header;
    private long line;

    private DataFileReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
        String first = readLine();
        if (first == null) {
            throw new ChatDataException(file + " is empty; a data file starts with its header line");
        }
        this.header = DataHeader.read(first);
    }

    static DataFileReader open(Path file) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ChatDataException("no file " + file);
        } catch (IOException e) {
            throw new ChatDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return new DataFileReader(file, in);
        } catch (RuntimeException e) {
            close(in);
            throw e;
        }
    }

    DataHeader header() {
        return header;
    }

    /** The next record's fields, or empty at the end of the file. */
    Optional<LineFields> next() {
        String text = readLine();
        if (text == null) {
            return Optional.empty();
        }
        if (text.isBlank()) {
            throw DataFileException.at(line, "an empty line; every line is one JSON record");
        }
        return Optional.of(new LineFields(line, DataJson.parse(text, line)));
    }

    @Override
    public void close() {
        close(in);
    }

    /** The next line without its end, or null at the end of the file. */
    private String readLine() {
        bytes.reset();
        try {
            if (!fill()) {
                return null;
            }
            boolean ended = false;
            while (!ended && fill()) {
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                bytes.write(buffer, start, position - start);
                if (position < limit) {
                    position++;
                    ended = true;
                }
            }
            line++;
            byte[] text = bytes.toByteArray();
            int length = text.length > 0 && text[text.length - 1] == '\r' ? text.length - 1 : text.length;
            return utf8.decode(ByteBuffer.wrap(text, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw DataFileException.at(line, "not UTF-8 text");
        } catch (IOException e) {
            throw new ChatDataException("cannot read " + file + " after line " + line + ": " + e.getMessage(), e);
        }
    }

    /** Whether there are bytes to read, reading more if the buffer is used up. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int read = in.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Only read from: nothing is lost if closing fails.
        }
    }
}
