package io.aiperf.core.dataset.publicdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.aiperf.core.dataset.file.DatasetFileException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a ShareGPT file (a JSON array of {@code {"id": ..., "conversations": [{"from": ..., "value": ...}, ...]}})
 * one entry at a time with Jackson's token parser, so the ~670 MB file is never held in memory. Of each entry only
 * the first two messages' {@code value}s are kept (AIPerf and vLLM use the first prompt and its reply and ignore the
 * roles); everything else is skipped unread. An entry whose {@code conversations} has fewer than two messages with a
 * non-empty text is counted and passed over. Not thread-safe.
 */
final class ShareGptReader implements Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The first prompt and reply of entry {@code entry} (0-based position in the array). */
    record Pair(int entry, String prompt, String reply) {
    }

    private final String display;
    private final JsonParser parser;
    private int entries;
    private int unusable;
    private boolean done;

    /** @throws DatasetFileException when the file cannot be opened or does not start with a JSON array */
    ShareGptReader(Path file, String display) {
        this.display = display;
        try {
            this.parser = FACTORY.createParser(file.toFile());
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot read: " + e.getMessage());
        }
        JsonToken first = token();
        if (first != JsonToken.START_ARRAY) {
            close();
            throw DatasetFileException.forFile(display, "not a ShareGPT file: expected a JSON array of conversations, found "
                    + (first == null ? "nothing" : first.asString() == null ? first.name() : first.asString()));
        }
    }

    /** The next usable entry's pair, or null after the last entry. */
    Pair next() {
        while (!done) {
            JsonToken t = token();
            if (t == JsonToken.END_ARRAY) {
                done = true;
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw DatasetFileException.atLine(display, line(), "entry " + entries
                        + " is not a JSON object (found " + (t == null ? "the end of the file" : t.name()) + ")");
            }
            int index = entries++;
            Pair pair = entry(index);
            if (pair != null) {
                return pair;
            }
            unusable++;
        }
        return null;
    }

    /** Entries seen so far. */
    int entries() {
        return entries;
    }

    /** Entries seen so far without two usable messages. */
    int unusable() {
        return unusable;
    }

    /** Reads one entry object (its START_OBJECT consumed) up to and including its END_OBJECT. */
    private Pair entry(int index) {
        String[] texts = null;
        JsonToken t;
        while ((t = token()) == JsonToken.FIELD_NAME) {
            String field = name();
            JsonToken value = token();
            if ("conversations".equals(field) && value == JsonToken.START_ARRAY) {
                texts = firstTwoTexts();
            } else {
                skip();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw DatasetFileException.atLine(display, line(), "entry " + index + " is cut off");
        }
        if (texts == null || texts[0] == null || texts[1] == null || texts[0].isEmpty() || texts[1].isEmpty()) {
            return null;
        }
        return new Pair(index, texts[0], texts[1]);
    }

    /** The {@code value} of the first two messages (null where absent); the array's END_ARRAY is consumed. */
    private String[] firstTwoTexts() {
        String[] texts = new String[2];
        int position = 0;
        JsonToken t;
        while ((t = token()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw DatasetFileException.atLine(display, line(), "the file ends inside a conversation");
            }
            if (position < 2 && t == JsonToken.START_OBJECT) {
                texts[position] = messageText();
            } else {
                skip();
            }
            position++;
        }
        return texts;
    }

    /** A message object's {@code value} when it is a string (START_OBJECT consumed, END_OBJECT consumed). */
    private String messageText() {
        String text = null;
        while (token() == JsonToken.FIELD_NAME) {
            String field = name();
            JsonToken value = token();
            if ("value".equals(field) && value == JsonToken.VALUE_STRING) {
                text = text();
            } else {
                skip();
            }
        }
        return text;
    }

    private JsonToken token() {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw DatasetFileException.invalidJson(display, errorLine(e), e);
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot read: " + e.getMessage());
        }
    }

    private String name() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot read: " + e.getMessage());
        }
    }

    private String text() {
        try {
            return parser.getText();
        } catch (JsonProcessingException e) {
            throw DatasetFileException.invalidJson(display, errorLine(e), e);
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot read: " + e.getMessage());
        }
    }

    /** Skips the value just read (a whole object or array when it opens one). */
    private void skip() {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw DatasetFileException.invalidJson(display, errorLine(e), e);
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot read: " + e.getMessage());
        }
    }

    private int line() {
        return Math.max(1, parser.currentLocation().getLineNr());
    }

    /** Where Jackson says the error is, else where the parser stands. */
    private int errorLine(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? line() : at.getLineNr();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only file: nothing to flush
        }
    }
}
