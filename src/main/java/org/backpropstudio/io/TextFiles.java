package org.backpropstudio.io;

import static org.backpropstudio.i18n.Messages.text;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the text files the studio imports, refusing what is not one before reading it whole. */
final class TextFiles {

    /** CSV files and experiments larger than this are refused before reading. */
    static final long MAX_BYTES = 64L << 20;

    private TextFiles() {
    }

    /**
     * The file's UTF-8 text, without a byte-order mark.
     *
     * @param what the key of what the file should be, for the messages ({@code textFile.weights}: "a weights file")
     * @throws ImportException for a directory, a file over 64 MiB, a missing, unreadable or non-UTF-8 file
     */
    static String read(Path file, String what) throws ImportException {
        return read(file, what, MAX_BYTES);
    }

    /**
     * The file's UTF-8 text, without a byte-order mark, if it has at most {@code maxBytes}.
     * Anything but a regular file (a FIFO, a device) is refused before it is opened: reading a
     * FIFO would wait for a writer forever.
     */
    static String read(Path file, String what, long maxBytes) throws ImportException {
        try {
            if (Files.isDirectory(file)) {
                throw new ImportException(text("textFile.directory", file, text(what)));
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new ImportException(text("textFile.notRegular", file, text(what)));
            }
            if (Files.size(file) > maxBytes) {
                throw new ImportException(text("textFile.tooLarge", file, maxBytes >> 20, text(what)));
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            return content.startsWith("\uFEFF") ? content.substring(1) : content;
        } catch (NoSuchFileException e) {
            throw new ImportException(text("textFile.missing", file));
        } catch (MalformedInputException e) {
            throw new ImportException(text("textFile.notUtf8", file));
        } catch (IOException e) {
            throw new ImportException(text("textFile.unreadable", file, e.getMessage()), e);
        }
    }
}
