package io.aiperf.core.endpoint;

import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a payload template sees, named as in AIPerf's template endpoint:
 * <ul>
 *   <li>{@code texts, images, audios, videos}: every content of that modality in order ({@code texts} is the turn's
 *       single prompt when it has no text batches); {@code text, image, audio, video}: the first, or null;</li>
 *   <li>{@code texts_by_name} (and the same for each modality): name → contents, e.g. {@code texts_by_name.query};</li>
 *   <li>{@code queries}/{@code query}: the texts named {@code query} (or {@code queries}) and the first;
 *       {@code passages}/{@code passage}: the texts named {@code passages} (or {@code passage}) and the first;</li>
 *   <li>{@code model}, {@code max_tokens} (null when the turn sets none), {@code role} (the data's, else
 *       {@code user}), {@code stream};</li>
 *   <li>{@code turn}: {@code {texts, images, audios, videos: [{name, contents}], role, model, max_tokens}};
 *       {@code turns}: the turns sent ({@code [turn]}, as each template request carries one turn);
 *       {@code request_info}: {@code {turns, model, system_message, user_context_message}}.</li>
 * </ul>
 * Audio contents are {@code "<format>,<base64>"} as everywhere in a turn.
 */
final class TemplateVariables {

    private TemplateVariables() {
    }

    static Map<String, Object> of(TurnInput in, String role, Integer maxTokens, String model, boolean stream) {
        TurnContents c = in.contents();
        List<NamedContents> textLists = c.texts().isEmpty()
                ? List.of(new NamedContents("text", List.of(in.text()))) : c.texts();
        Map<String, List<String>> textsByName = byName(textLists);
        List<String> texts = TurnContents.flatten(textLists);
        List<String> images = TurnContents.flatten(c.images());
        List<String> audios = TurnContents.flatten(c.audios());
        List<String> videos = TurnContents.flatten(c.videos());
        List<String> queries = either(textsByName, "query", "queries");
        List<String> passages = either(textsByName, "passages", "passage");
        String turnRole = role != null ? role : "user";

        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("texts", named(textLists));
        turn.put("images", named(c.images()));
        turn.put("audios", named(c.audios()));
        turn.put("videos", named(c.videos()));
        turn.put("role", turnRole);
        turn.put("model", model);
        turn.put("max_tokens", maxTokens);
        List<Object> turns = List.of(turn);
        Map<String, Object> requestInfo = new LinkedHashMap<>();
        requestInfo.put("turns", turns);
        requestInfo.put("model", model);
        requestInfo.put("system_message", in.systemMessage());
        requestInfo.put("user_context_message", in.userContextMessage());

        Map<String, Object> vars = new HashMap<>();
        vars.put("texts", texts);
        vars.put("images", images);
        vars.put("audios", audios);
        vars.put("videos", videos);
        vars.put("text", first(texts));
        vars.put("image", first(images));
        vars.put("audio", first(audios));
        vars.put("video", first(videos));
        vars.put("queries", queries);
        vars.put("passages", passages);
        vars.put("query", first(queries));
        vars.put("passage", first(passages));
        vars.put("texts_by_name", textsByName);
        vars.put("images_by_name", byName(c.images()));
        vars.put("audios_by_name", byName(c.audios()));
        vars.put("videos_by_name", byName(c.videos()));
        vars.put("model", model);
        vars.put("max_tokens", maxTokens);
        vars.put("role", turnRole);
        vars.put("turn", turn);
        vars.put("turns", turns);
        vars.put("request_info", requestInfo);
        vars.put("stream", stream);
        return vars;
    }

    private static Map<String, List<String>> byName(List<NamedContents> lists) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (NamedContents n : lists) {
            out.computeIfAbsent(n.name(), k -> new ArrayList<>()).addAll(n.contents());
        }
        return out;
    }

    private static List<Map<String, Object>> named(List<NamedContents> lists) {
        List<Map<String, Object>> out = new ArrayList<>(lists.size());
        for (NamedContents n : lists) {
            Map<String, Object> item = new LinkedHashMap<>(); // fixed key order: tojson output is reproducible
            item.put("name", n.name());
            item.put("contents", n.contents());
            out.add(item);
        }
        return out;
    }

    private static List<String> either(Map<String, List<String>> byName, String a, String b) {
        List<String> found = byName.get(a);
        if (found == null || found.isEmpty()) {
            found = byName.get(b);
        }
        return found == null ? List.of() : found;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
