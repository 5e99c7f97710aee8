package io.aiperf.cli.sweep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aiperf.core.error.UsageException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming parser, which knows the line of every
 * token (a {@code readTree} would lose them). Malformed YAML and a key written twice are one-line usage errors
 * {@code FILE:LINE: …}.
 */
final class YamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final JsonParser parser;

    private YamlReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * @param file what errors call the file (the path as the user gave it)
     * @return the document's root, or null for an empty document
     */
    static YamlNode read(String file, String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            YamlReader reader = new YamlReader(file, parser);
            JsonToken first = parser.nextToken();
            return first == null ? null : reader.value(first);
        } catch (JsonProcessingException ex) {
            throw new UsageException(file + ":" + problemLine(ex) + ": malformed YAML: "
                    + said(ex.getOriginalMessage()));
        } catch (IOException ex) {
            throw new UsageException(file + ": cannot read: " + ex.getMessage());
        }
    }

    private YamlNode value(JsonToken token) throws IOException {
        int line = lineOf(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> mapping(line);
            case START_ARRAY -> sequence(line);
            case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), parser.getText(), line);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getText() : parser.getLongValue(), parser.getText(), line);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getDoubleValue(), parser.getText(), line);
            case VALUE_TRUE -> new YamlNode.Scalar(Boolean.TRUE, "true", line);
            case VALUE_FALSE -> new YamlNode.Scalar(Boolean.FALSE, "false", line);
            case VALUE_NULL -> new YamlNode.Scalar(null, "", line);
            default -> throw new UsageException(file + ":" + line + ": unexpected YAML token " + token);
        };
    }

    private YamlNode mapping(int line) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = lineOf(parser.currentTokenLocation());
            Integer first = seen.putIfAbsent(key, keyLine);
            if (first != null) {
                throw new UsageException(file + ":" + keyLine + ": duplicate key '" + key + "' (first on line "
                        + first + ")");
            }
            entries.add(new YamlNode.Entry(key, keyLine, value(parser.nextToken())));
        }
        return new YamlNode.Mapping(List.copyOf(entries), line);
    }

    private YamlNode sequence(int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(value(t));
        }
        return new YamlNode.Sequence(List.copyOf(items), line);
    }

    /**
     * SnakeYAML marks where it was (a mapping's start) and where the problem is; Jackson's location is sometimes
     * the first. The problem's line is the one to fix.
     */
    private static int problemLine(JsonProcessingException ex) {
        if (ex.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        return lineOf(ex.getLocation());
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 1 : Math.max(1, location.getLineNr());
    }

    /**
     * SnakeYAML's messages run over several lines: what it was parsing, then each mark's position and a copy of the
     * text under it (indented), then the problem. The unindented lines say it all.
     */
    private static String said(String message) {
        List<String> said = new ArrayList<>();
        if (message != null) {
            for (String line : message.split("\\R")) {
                if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                    said.add(line.strip());
                }
            }
        }
        return said.isEmpty() ? "cannot parse" : String.join(": ", said);
    }
}
