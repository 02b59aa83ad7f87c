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

    /** Files larger than this are refused before reading. */
    static final long MAX_BYTES = 64L << 20;

    private TextFiles() {
    }

    /**
     * The file's UTF-8 text.
     *
     * @param what the key of what the file should be, for the messages ({@code textFile.weights}: "a weights file")
     * @throws ImportException for a directory, a file over 64 MiB, a missing, unreadable or non-UTF-8 file
     */
    static String read(Path file, String what) throws ImportException {
        try {
            if (Files.isDirectory(file)) {
                throw new ImportException(text("textFile.directory", file, text(what)));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ImportException(text("textFile.tooLarge", file, MAX_BYTES >> 20, text(what)));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ImportException(text("textFile.missing", file));
        } catch (MalformedInputException e) {
            throw new ImportException(text("textFile.notUtf8", file));
        } catch (IOException e) {
            throw new ImportException(text("textFile.unreadable", file, e.getMessage()), e);
        }
    }
}
