package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Base64;

/**
 * The images, audio clips and videos a request carries: chat {@code messages[].content[]} parts
 * ({@code image_url}, {@code input_audio}, {@code video_url}), Responses {@code input[].content[]} parts
 * ({@code input_image}, {@code input_audio}), and NIM embeddings inputs holding {@code <img src='…'/>}. They are
 * counted for the request log and checked: a part must be well formed and its inline data must be base64 that
 * decodes, else the mock answers 400 (so a client sending broken media fails against the mock too). URLs are
 * accepted as they are, never fetched.
 *
 * @param images  image parts (or img tags)
 * @param audios  audio parts
 * @param videos  video parts
 * @param problem what is wrong with the first malformed part, or null
 */
record MediaParts(int images, int audios, int videos, String problem) {

    static final MediaParts NONE = new MediaParts(0, 0, 0, null);

    private static final String IMG_TAG = "<img src=";

    /** Never throws; a body that is not an object has no media. */
    static MediaParts of(JsonNode body) {
        if (body == null || !body.isObject()) {
            return NONE;
        }
        Scan scan = new Scan();
        scan.items(body.path("messages"), "messages");
        scan.items(body.path("input"), "input");
        return scan.images + scan.audios + scan.videos == 0 && scan.problem == null ? NONE
                : new MediaParts(scan.images, scan.audios, scan.videos, scan.problem);
    }

    private static final class Scan {
        int images;
        int audios;
        int videos;
        String problem;

        void items(JsonNode list, String field) {
            if (!list.isArray()) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (item.isTextual()) {
                    images += tags(item.asText()); // embeddings inputs
                    continue;
                }
                JsonNode content = item.path("content");
                if (!content.isArray()) {
                    continue;
                }
                for (int j = 0; j < content.size(); j++) {
                    part(content.get(j), field + "[" + i + "].content[" + j + "]");
                }
            }
        }

        private void part(JsonNode part, String at) {
            String type = part.path("type").asText("");
            switch (type) {
                case "image_url" -> {
                    images++;
                    url(part.path("image_url").path("url"), at + ".image_url.url");
                }
                case "input_image" -> {
                    images++;
                    url(part.path("image_url"), at + ".image_url");
                }
                case "video_url" -> {
                    videos++;
                    url(part.path("video_url").path("url"), at + ".video_url.url");
                }
                case "input_audio" -> {
                    audios++;
                    JsonNode audio = part.path("input_audio");
                    if (!audio.path("format").isTextual() || audio.path("format").asText().isEmpty()) {
                        fail(at + ".input_audio.format must be a non-empty string");
                    }
                    base64(audio.path("data"), at + ".input_audio.data");
                }
                default -> {
                }
            }
        }

        private void url(JsonNode url, String at) {
            if (!url.isTextual()) {
                fail(at + " must be a string");
                return;
            }
            String u = url.asText();
            if (u.startsWith("http://") || u.startsWith("https://")) {
                return;
            }
            int comma = u.indexOf(',');
            if (!u.startsWith("data:") || comma < 0 || !u.substring(0, comma).endsWith(";base64")) {
                fail(at + " must be an http(s) URL or a base64 data URL");
                return;
            }
            decode(u.substring(comma + 1), at);
        }

        private void base64(JsonNode data, String at) {
            if (!data.isTextual() || data.asText().isEmpty()) {
                fail(at + " must be a non-empty base64 string");
                return;
            }
            decode(data.asText(), at);
        }

        private void decode(String b64, String at) {
            try {
                Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                fail(at + " is not valid base64: " + e.getMessage());
            }
        }

        private void fail(String what) {
            if (problem == null) {
                problem = what;
            }
        }

        private static int tags(String text) {
            int n = 0;
            for (int at = text.indexOf(IMG_TAG); at >= 0; at = text.indexOf(IMG_TAG, at + IMG_TAG.length())) {
                n++;
            }
            return n;
        }
    }
}
