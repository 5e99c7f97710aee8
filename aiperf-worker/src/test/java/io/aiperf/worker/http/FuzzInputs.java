package io.aiperf.worker.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Random inputs for the transport's fuzz tests: texts that stress UTF-8, cut points that stress framing, garbage. */
final class FuzzInputs {

    /** Pieces of text: ASCII, 2-, 3- and 4-byte UTF-8, JSON's special characters, SSE's field syntax. */
    private static final String[] TEXT = {"a", "Z", "0", " ", "  ", "é", "ß", "→", "世界", "😀", "\"", "\\", "/", ":",
            "data", "event", "\t", "{", "}", "[", "]", ",", "[DONE]", "\u0001", "\u2028", "\uFFFD"};

    /** Pieces of garbage: line ends, field names, cut-off UTF-8, bytes that are not UTF-8, JSON fragments. */
    private static final byte[][] GARBAGE = {
            bytes("\r"), bytes("\n"), bytes("\r\n"), bytes("\n\n"), bytes("\r\r"), bytes(":"), bytes(" "),
            bytes("data:"), bytes("data: "), bytes("event: error"), bytes("event:"), bytes(": comment"),
            bytes("id: 1"), bytes("retry: x"), bytes("data: [DONE]"), bytes("{\"choices\":[{\"delta\":{\"content\":"),
            bytes("\"x\"}}]}"), bytes("{"), bytes("}"), bytes("\""), bytes("\\u12"), bytes("1e99999"),
            {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xF0, (byte) 0x9F}, {(byte) 0x80}, {(byte) 0xFF}, {0}};

    private FuzzInputs() {
    }

    /** Up to {@code maxPieces} pieces of {@link #TEXT}, possibly empty. */
    static String text(Random r, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            sb.append(TEXT[r.nextInt(TEXT.length)]);
        }
        return sb.toString();
    }

    /**
     * Sorted distinct cut points in {@code [0, length]}; half of them (when there are any) at the places that break
     * naive decoders: inside a multi-byte UTF-8 character and right after a {@code '\r'}.
     */
    static List<Integer> cuts(Random r, byte[] bytes) {
        List<Integer> interesting = new ArrayList<>();
        for (int i = 1; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) == 0x80 || bytes[i - 1] == '\r') {
                interesting.add(i);
            }
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        int n = r.nextInt(Math.min(32, bytes.length + 1) + 1);
        for (int i = 0; i < n; i++) {
            if (!interesting.isEmpty() && r.nextBoolean()) {
                cuts.add(interesting.get(r.nextInt(interesting.size())));
            } else {
                cuts.add(r.nextInt(bytes.length + 1));
            }
        }
        return List.copyOf(cuts);
    }

    /** {@code bytes} cut at {@code cuts} (empty parts included: a read may carry no byte of the body). */
    static List<byte[]> split(byte[] bytes, List<Integer> cuts) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            int at = Math.min(cut, bytes.length);
            parts.add(Arrays.copyOfRange(bytes, from, Math.max(from, at)));
            from = Math.max(from, at);
        }
        parts.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return parts;
    }

    /** Up to {@code maxPieces} pieces of garbage or random bytes; one try in 16 also carries a line of 64 to 512 KiB. */
    static byte[] garbage(Random r, int maxPieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = r.nextInt(maxPieces + 1);
        int huge = r.nextInt(16) == 0 ? r.nextInt(n + 1) : -1;
        for (int i = 0; i <= n; i++) {
            if (i == huge) {
                byte[] line = new byte[64 * 1024 + r.nextInt(448 * 1024)];
                Arrays.fill(line, (byte) 'x');
                out.writeBytes(bytes("data: "));
                out.writeBytes(line);
            } else if (r.nextInt(4) == 0) {
                byte[] noise = new byte[1 + r.nextInt(8)];
                r.nextBytes(noise);
                out.writeBytes(noise);
            } else if (r.nextInt(3) == 0) {
                out.writeBytes(bytes(text(r, 4)));
            } else {
                out.writeBytes(GARBAGE[r.nextInt(GARBAGE.length)]);
            }
        }
        return out.toByteArray();
    }

    /** {@code bytes} with one random edit: truncated, a byte changed, a byte range dropped, or garbage inserted. */
    static byte[] mutate(Random r, byte[] bytes) {
        if (bytes.length == 0) {
            return garbage(r, 4);
        }
        int at = r.nextInt(bytes.length);
        return switch (r.nextInt(4)) {
            case 0 -> Arrays.copyOf(bytes, at);
            case 1 -> {
                byte[] copy = bytes.clone();
                copy[at] = (byte) r.nextInt(256);
                yield copy;
            }
            case 2 -> {
                int to = Math.min(bytes.length, at + 1 + r.nextInt(16));
                yield concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, to, bytes.length));
            }
            default -> concat(Arrays.copyOf(bytes, at), garbage(r, 3), Arrays.copyOfRange(bytes, at, bytes.length));
        };
    }

    /** Simplifications of a failing byte input for {@link Fuzz}: halves and quarters dropped, then single bytes. */
    static List<byte[]> smaller(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        for (int size = bytes.length / 2; size >= 1; size /= 2) {
            for (int from = 0; from + size <= bytes.length; from += size) {
                out.add(concat(Arrays.copyOf(bytes, from), Arrays.copyOfRange(bytes, from + size, bytes.length)));
            }
            if (out.size() > 64) {
                break;
            }
        }
        return out;
    }

    /** Simplifications of a cut list: each cut dropped. */
    static List<List<Integer>> fewerCuts(List<Integer> cuts) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            List<Integer> fewer = new ArrayList<>(cuts);
            fewer.remove(i);
            out.add(fewer);
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A byte input as a readable Java-ish string literal, cut to 600 characters. */
    static String show(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        String s = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length() && sb.length() < 600; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append(sb.length() >= 600 ? "…\" (" + bytes.length + " bytes)" : "\"").toString();
    }
}
