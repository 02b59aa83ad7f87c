package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void aChosenLanguageIsRememberedAndTheSystemsIsNoChoice() throws Exception {
        Settings settings = new Settings(dir.resolve("deeper").resolve("settings.properties"));
        assertThat(settings.language()).isEmpty(); // no file yet
        settings.saveLanguage(Locale.SIMPLIFIED_CHINESE);
        assertThat(new Settings(dir.resolve("deeper").resolve("settings.properties")).language())
                .contains(Locale.SIMPLIFIED_CHINESE);
        settings.saveLanguage(Locale.ENGLISH);
        assertThat(settings.language()).contains(Locale.ENGLISH);
        settings.saveLanguage(null);
        assertThat(settings.language()).isEmpty();
        assertThat(Files.readString(dir.resolve("deeper").resolve("settings.properties"))).contains("language=system");
    }

    @Test
    void theThemeIsRememberedBesideTheLanguage() throws Exception {
        Settings settings = new Settings(dir.resolve("settings.properties"));
        assertThat(settings.dark()).isFalse();
        settings.saveLanguage(Locale.SIMPLIFIED_CHINESE);
        settings.saveDark(true);
        assertThat(settings.dark()).isTrue();
        assertThat(settings.language()).contains(Locale.SIMPLIFIED_CHINESE);
        // what the studio reads at start, both in one read
        assertThat(settings.choices()).isEqualTo(new Settings.Choices(Optional.of(Locale.SIMPLIFIED_CHINESE), true, false));
        settings.saveDark(false);
        assertThat(settings.dark()).isFalse();
        assertThat(Files.readString(dir.resolve("settings.properties"))).contains("theme=light");
    }

    @Test
    void otherSettingsAreKept() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "theme=dark\nfuture.setting=42\n");
        new Settings(file).saveLanguage(Locale.SIMPLIFIED_CHINESE);
        assertThat(Files.readString(file)).contains("theme=dark").contains("future.setting=42").contains("language=zh-CN");
    }

    @Test
    void aLanguageWithoutTextsOrAnUnreadableFileIsNoChoice() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "language=de\n");
        assertThat(new Settings(file).language()).isEmpty();
        Files.write(file, new byte[] {'l', 'a', 'n', 'g', '=', (byte) 0xff, (byte) 0xfe, '\\', 'u', 'z', 'z'});
        assertThat(new Settings(file).language()).isEmpty();
        Files.createDirectory(dir.resolve("a-directory"));
        assertThat(new Settings(dir.resolve("a-directory")).language()).isEmpty();
        Files.writeString(file, "language=zh-CN\n", StandardCharsets.UTF_8);
        assertThat(new Settings(file).language()).contains(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void theSettingsLiveBesideTheRecentFiles() throws Exception {
        Settings.beside(new RecentFiles(dir.resolve("recent-files.txt"))).saveLanguage(Locale.ENGLISH);
        assertThat(Files.readString(dir.resolve("settings.properties"))).contains("language=en");
    }
}
