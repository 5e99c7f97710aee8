package io.aiperf.cli.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.error.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses AIPerf's list options {@code --extra-inputs} and {@code --header}: each item is {@code key:value} or a JSON
 * object. Extra-input values are typed the way AIPerf types them (bool, int, float, else string).
 */
final class KeyValueParser {

    /** Only for JSON items: the first ObjectMapper costs ~0.1 s of class loading, on the CLI's path to the run. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private KeyValueParser() {
    }

    static Map<String, Object> extraInputs(List<String> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String item : items) {
            if (item.trim().startsWith("{")) {
                out.putAll(jsonObject("--extra-inputs", item));
                continue;
            }
            String[] kv = split("--extra-inputs", item);
            out.put(kv[0], coerce(kv[1]));
        }
        return out;
    }

    /**
     * {@code --header} items. A header may carry a credential, so no message here shows a value: only the item's
     * position and, once known, the header's name.
     */
    static Map<String, String> headers(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        int position = 0;
        for (String item : items) {
            position++;
            Map<String, String> parsed = new LinkedHashMap<>();
            if (item.trim().startsWith("{")) {
                Map<String, Object> json;
                try {
                    json = jsonObject("--header", item);
                } catch (UsageException e) {
                    throw new UsageException("--header #" + position + ": not a JSON object of header names and "
                            + "values (the value is not shown: headers may hold credentials)");
                }
                json.forEach((k, v) -> parsed.put(k, String.valueOf(v)));
            } else {
                int colon = item.indexOf(':');
                if (colon <= 0) {
                    throw new UsageException("--header #" + position + ": expected Name:Value or a JSON object "
                            + "(the value is not shown: headers may hold credentials)");
                }
                parsed.put(item.substring(0, colon).trim(), item.substring(colon + 1).trim());
            }
            int number = position;
            parsed.forEach((name, value) -> {
                if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127
                        && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                    throw new UsageException("--header #" + number + ": '" + name + "' is not a valid header name");
                }
                if (!value.chars().allMatch(c -> c == '\t' || (c >= 32 && c != 127))) {
                    throw new UsageException("--header " + name + ": the value holds a control character "
                            + "(a line break?); HTTP does not allow it");
                }
            });
            out.putAll(parsed);
        }
        return out;
    }

    /** AIPerf's coercion: true/false, then integer, then float, else the string itself. */
    static Object coerce(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(v);
                if (!Double.isNaN(d) && !Double.isInfinite(d) && !v.endsWith("f") && !v.endsWith("d")) {
                    return d;
                }
            } catch (NumberFormatException notDouble) {
                // a string value
            }
        }
        return value;
    }

    private static String[] split(String option, String item) {
        int colon = item.indexOf(':');
        if (colon <= 0) {
            throw new UsageException(option + " '" + item + "': expected KEY:VALUE or a JSON object");
        }
        return new String[] {item.substring(0, colon).trim(), item.substring(colon + 1).trim()};
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String option, String item) {
        try {
            Object parsed = Json.MAPPER.readValue(item, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException e) {
            throw new UsageException(option + ": invalid JSON object: " + e.getOriginalMessage());
        }
        throw new UsageException(option + ": expected a JSON object, got '" + item + "'");
    }
}
