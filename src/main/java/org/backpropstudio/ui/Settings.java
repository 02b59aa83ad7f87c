package org.backpropstudio.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.backpropstudio.i18n.Messages;
import org.backpropstudio.io.AtomicFiles;

/**
 * The choices the studio remembers between runs (the language and the theme), in a small properties
 * file beside the recent-files list. Call from a thread other than the UI thread: it reads and
 * writes the disk. A missing or unreadable file means "nothing chosen": it is a convenience,
 * never worth an error.
 */
public final class Settings {

    private static final String LANGUAGE = "language";
    private static final String THEME = "theme";
    private static final String ADVANCED = "advanced";

    private final Path storage;

    /** @param storage the properties file (created when first written) */
    public Settings(Path storage) {
        this.storage = storage;
    }

    /** The settings kept in the same directory as {@code recent}: {@code ~/.backprop-studio/settings.properties}. */
    public static Settings beside(RecentFiles recent) {
        return new Settings(recent.storage().resolveSibling("settings.properties"));
    }

    /** What was chosen, read from the file once. */
    public record Choices(Optional<Locale> language, boolean dark, boolean advancedOpen) {
    }

    /** The language and the theme chosen, in one read of the file (see {@link #language()} and {@link #dark()}). */
    public Choices choices() {
        Properties p = read();
        return new Choices(language(p), dark(p), advancedOpen(p));
    }

    /**
     * The language chosen in View → Language, if one of the studio's languages was chosen; empty
     * for the system's language, no choice yet, or a file that cannot be read.
     */
    public Optional<Locale> language() {
        return language(read());
    }

    private static Optional<Locale> language(Properties p) {
        String tag = p.getProperty(LANGUAGE, "");
        return Messages.LANGUAGES.stream().filter(l -> l.toLanguageTag().equals(tag)).findFirst();
    }

    /** Remembers {@code language}, or the system's language when it is null; other settings are kept. */
    public void saveLanguage(Locale language) throws IOException {
        save(storage, LANGUAGE, language == null ? "system" : language.toLanguageTag());
    }

    /** True when the dark theme was chosen last; false for the light one, no choice or an unreadable file. */
    public boolean dark() {
        return dark(read());
    }

    private static boolean dark(Properties p) {
        return p.getProperty(THEME, "").equals("dark");
    }

    /** True when the editor's Advanced section was left unfolded; false for folded, no choice or an unreadable file. */
    public boolean advancedOpen() {
        return advancedOpen(read());
    }

    private static boolean advancedOpen(Properties p) {
        return p.getProperty(ADVANCED, "").equals("open");
    }

    /** Remembers whether the editor's Advanced section is unfolded; other settings are kept. */
    public void saveAdvancedOpen(boolean open) throws IOException {
        save(storage, ADVANCED, open ? "open" : "folded");
    }

    /** Remembers the theme; other settings are kept. */
    public void saveDark(boolean dark) throws IOException {
        save(storage, THEME, dark ? "dark" : "light");
    }

    /** Sets one key, keeping the others, and replaces the file whole (one save at a time: none is lost). */
    private static synchronized void save(Path storage, String key, String value) throws IOException {
        Properties p = read(storage);
        p.setProperty(key, value);
        StringWriter text = new StringWriter();
        p.store(text, "Backprop Studio settings");
        Files.createDirectories(storage.toAbsolutePath().getParent());
        AtomicFiles.writeString(storage, text.toString());
    }

    private Properties read() {
        return read(storage);
    }

    private static Properties read(Path storage) {
        Properties p = new Properties();
        if (Files.isRegularFile(storage)) {
            try (Reader in = Files.newBufferedReader(storage, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | RuntimeException e) {
                return new Properties(); // unreadable: as if nothing were chosen
            }
        }
        return p;
    }
}
