package io.aiperf.core.dataset;

import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fast fake: one token per whitespace-separated word; decode joins words with single spaces. Thread-safe. */
final class WhitespaceTokenizer implements TextTokenizer {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    @Override
    public String name() {
        return "whitespace (test)";
    }

    @Override
    public synchronized int[] encode(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split("\\s+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = ids.computeIfAbsent(parts[i], w -> {
                words.add(w);
                return words.size() - 1;
            });
        }
        return out;
    }

    @Override
    public synchronized String decode(int[] tokenIds) {
        StringBuilder sb = new StringBuilder();
        for (int id : tokenIds) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(words.get(id));
        }
        return sb.toString();
    }
}
