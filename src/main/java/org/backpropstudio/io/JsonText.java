package org.backpropstudio.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.backpropstudio.i18n.Messages;

/**
 * The JSON our files are written in, read strictly: exactly one value (nothing after it), no key
 * twice in an object, no NaN or Infinity literals. Where the text breaks, the message says so in
 * our words with the line and column; the parser's own wording (its class and feature names) never
 * reaches the user.
 */
final class JsonText {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The character code the parser names in "Unexpected character ('x' (code 120))". */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\(code (\\d+)\\)");

    private JsonText() {
    }

    /**
     * The JSON tree of a text (a missing node for an empty one), or an {@link ImportException} saying
     * where and how the JSON breaks.
     */
    static JsonNode tree(String json) throws ImportException {
        try {
            try (JsonParser parser = MAPPER.createParser(json)) {
                JsonNode root = MAPPER.readTree(parser);
                if (root == null) {
                    return MissingNode.getInstance(); // an empty text, which no reader takes as an object
                }
                JsonLocation end = parser.currentLocation();
                boolean more;
                try {
                    more = parser.nextToken() != null;
                } catch (JsonProcessingException e) {
                    more = true; // not even a token: garbage after the value
                }
                if (more) {
                    throw new ImportException("not valid JSON at line " + end.getLineNr() + ", column " + end.getColumnNr()
                            + ": more text after the end of the JSON value (a file holds exactly one)");
                }
                return root;
            }
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage());
            throw new ImportException("not valid JSON" + where(e) + ": " + (m.contains("nesting depth")
                    ? "nested more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels deep"
                    : m.contains("Number value length") ? "a number written with more than "
                    + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " characters"
                    : m.contains("String value length") ? "a text value longer than "
                    + StreamReadConstraints.DEFAULT_MAX_STRING_LEN + " characters"
                    : "beyond the reader's limits"));
        } catch (JsonProcessingException e) {
            throw new ImportException("not valid JSON" + where(e) + ": " + problem(e, json));
        } catch (java.io.IOException e) {
            throw new ImportException("not valid JSON: " + e.getMessage()); // reading a String fails no other way
        }
    }

    /** A JSON value as a message quotes it: {@code nothing} when absent, else {@link Messages#excerpt}. */
    static String shown(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return Messages.excerpt(n.toString());
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** What is wrong at the error's location, judged from the text itself. */
    private static String problem(JsonProcessingException e, String json) {
        String m = String.valueOf(e.getOriginalMessage());
        if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON does (something is missing at the end)";
        }
        if (m.startsWith("Duplicate field")) {
            int q = m.indexOf('\'');
            int r = m.indexOf('\'', q + 1);
            String key = q >= 0 && r > q ? m.substring(q + 1, r) : "a key";
            return "the key \"" + Messages.excerpt(key) + "\" appears twice in one object";
        }
        if (m.contains("NaN") || m.contains("Infinity") || m.contains("INF")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (m.contains("CTRL-CHAR")) {
            return "a control character (such as a NUL byte) where text was expected";
        }
        java.util.regex.Matcher code = CODE.matcher(m);
        if (code.find()) {
            int c = Integer.parseInt(code.group(1));
            return "unexpected " + (Character.isISOControl(c) || !Character.isValidCodePoint(c)
                    ? String.format("control character U+%04X", c)
                    : "character '" + new String(Character.toChars(c)) + "'");
        }
        return "unexpected text";
    }
}
