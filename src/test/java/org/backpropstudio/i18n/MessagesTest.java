package org.backpropstudio.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both bundles are complete: the same keys, the same placeholders, no empty text, and every key
 * the code names is in both. A string added to the UI without its translation fails here.
 */
class MessagesTest {

    private static final ResourceBundle EN = Messages.load(Locale.ENGLISH);
    private static final ResourceBundle ZH = Messages.load(Locale.SIMPLIFIED_CHINESE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void bothLanguagesHaveEveryKeyWithTheSamePlaceholdersAndNoEmptyText() {
        assertThat(ZH.getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE); // not English under its name
        assertThat(new TreeSet<>(ZH.keySet())).isEqualTo(new TreeSet<>(EN.keySet()));
        assertThat(EN.keySet()).hasSizeGreaterThan(300);
        for (String key : EN.keySet()) {
            assertThat(EN.getString(key)).as(key).isNotBlank();
            assertThat(ZH.getString(key)).as(key).isNotBlank();
            assertThat(placeholders(ZH.getString(key))).as("placeholders of " + key)
                    .isEqualTo(placeholders(EN.getString(key)));
        }
    }

    @Test
    void theChineseBundleIsChinese() {
        long chinese = EN.keySet().stream().filter(k -> ZH.getString(k).codePoints().anyMatch(c -> c >= 0x4E00)).count();
        // the rest are formulas, key names and technical words that stay as they are (f(x) =, l1, Ctrl+O)
        assertThat(chinese).isGreaterThan(EN.keySet().size() * 85L / 100);
    }

    @Test
    void everyKeyTheCodeNamesIsInBothBundles() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        EN.keySet().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
        Pattern literal = Pattern.compile("\"([a-z][A-Za-z]*\\.[A-Za-z0-9.-]*[A-Za-z0-9])\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/backpropstudio"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (prefixes.stream().anyMatch(key::startsWith) && !key.endsWith(".json") && !key.endsWith(".csv")
                            && !key.endsWith(".png") && !key.endsWith(".npz")) {
                        named.add(key);
                    }
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(250);
        for (String key : named) {
            assertThat(EN.containsKey(key)).as("English text for " + key).isTrue();
            assertThat(ZH.containsKey(key)).as("Chinese text for " + key).isTrue();
        }
    }

    @Test
    void aMissingKeyFailsLoudlyAndPlaceholdersAreFilledAsGiven() {
        assertThatThrownBy(() -> Messages.text("no.such.key")).isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("no.such.key");
        assertThat(Messages.fill("{0} of {1}, {0}; '{2}' {x}", "a", 3)).isEqualTo("a of 3, a; '{2}' {x}");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.text("service.finished", 2000)).isEqualTo("已完成 2000 轮。");
    }

    @Test
    void numbersFollowTheLocale() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Messages.integer(2000)).isEqualTo("2,000");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.integer(2000)).isEqualTo("2,000");
        Messages.setLocale(Locale.GERMANY); // no German words: English text, German numbers
        assertThat(Messages.integer(2000)).isEqualTo("2.000");
        assertThat(Messages.text("service.finished", Messages.integer(2000))).isEqualTo("Finished 2.000 epochs.");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
