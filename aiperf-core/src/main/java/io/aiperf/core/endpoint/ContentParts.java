package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.TurnContents;

import java.util.List;

/**
 * Writes a message's content parts the way OpenAI-compatible servers read them: texts first, then images, audio
 * clips and videos, each in dataset order. Chat and Responses differ only in part names.
 */
final class ContentParts {

    private ContentParts() {
    }

    /** Chat: {@code text}, {@code image_url{url}}, {@code input_audio{data, format}}, {@code video_url{url}}. */
    static void chat(ArrayNode parts, String text, TurnContents contents) {
        for (String t : texts(text, contents)) {
            ObjectNode p = parts.addObject();
            p.put("type", "text");
            p.put("text", t);
        }
        for (String url : TurnContents.flatten(contents.images())) {
            ObjectNode p = parts.addObject();
            p.put("type", "image_url");
            p.putObject("image_url").put("url", url);
        }
        for (String audio : TurnContents.flatten(contents.audios())) {
            ObjectNode p = parts.addObject();
            p.put("type", "input_audio");
            audio(p.putObject("input_audio"), audio);
        }
        for (String url : TurnContents.flatten(contents.videos())) {
            ObjectNode p = parts.addObject();
            p.put("type", "video_url");
            p.putObject("video_url").put("url", url);
        }
    }

    /** Responses: {@code input_text}, {@code input_image{image_url}}, {@code input_audio{data, format}}. */
    static void responses(ArrayNode parts, String text, TurnContents contents) {
        for (String t : texts(text, contents)) {
            ObjectNode p = parts.addObject();
            p.put("type", "input_text");
            p.put("text", t);
        }
        for (String url : TurnContents.flatten(contents.images())) {
            ObjectNode p = parts.addObject();
            p.put("type", "input_image");
            p.put("image_url", url);
        }
        for (String audio : TurnContents.flatten(contents.audios())) {
            ObjectNode p = parts.addObject();
            p.put("type", "input_audio");
            audio(p.putObject("input_audio"), audio);
        }
    }

    private static List<String> texts(String text, TurnContents contents) {
        if (!contents.texts().isEmpty()) {
            return TurnContents.flatten(contents.texts());
        }
        return text.isEmpty() && contents.hasMedia() ? List.of() : List.of(text);
    }

    /** An audio content is {@code "<format>,<base64>"} (AIPerf's encoding); without a comma the format is wav. */
    private static void audio(ObjectNode inputAudio, String content) {
        int comma = content.indexOf(',');
        if (comma > 0 && comma < 8) {
            inputAudio.put("data", content.substring(comma + 1));
            inputAudio.put("format", content.substring(0, comma));
        } else {
            inputAudio.put("data", content);
            inputAudio.put("format", "wav");
        }
    }
}
