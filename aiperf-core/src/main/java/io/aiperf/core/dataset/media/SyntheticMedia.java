package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;

import java.util.ArrayList;
import java.util.List;

/**
 * Attaches {@link SyntheticImages}, {@link SyntheticAudio} and {@link SyntheticVideos} to every turn of synthetic conversations, in
 * conversation then turn order. Each modality has its own stream, so turning audio on never changes the images.
 * A turn's texts and token count are kept: the ISL counts texts only.
 */
public final class SyntheticMedia {

    /** Names of the synthetic contents (the chat part types they become). */
    public static final String IMAGE_NAME = "image_url";
    public static final String AUDIO_NAME = "input_audio";
    public static final String VIDEO_NAME = "video_url";

    private SyntheticMedia() {
    }

    /** {@code conversations} unchanged when {@code config} asks for no media, else new ones carrying it. */
    public static List<Conversation> attach(List<Conversation> conversations, MediaConfig config,
                                            RandomStreams streams, int threads) {
        if (!config.any()) {
            return conversations;
        }
        int turns = conversations.stream().mapToInt(Conversation::turnCount).sum();
        List<List<String>> images = SyntheticImages.generate(config.images(), turns, streams, threads);
        List<List<String>> audios = SyntheticAudio.generate(config.audio(), turns, streams, threads);
        List<List<String>> videos = SyntheticVideos.generate(config.video(), turns, streams, threads);
        List<Conversation> out = new ArrayList<>(conversations.size());
        int k = 0;
        for (Conversation c : conversations) {
            List<Turn> withMedia = new ArrayList<>(c.turnCount());
            for (Turn t : c.turns()) {
                withMedia.add(withMedia(t, images.get(k), audios.get(k), videos.get(k)));
                k++;
            }
            out.add(new Conversation(c.conversationId(), withMedia, c.systemMessage(), c.userContextMessage()));
        }
        return out;
    }

    private static Turn withMedia(Turn t, List<String> images, List<String> audios, List<String> videos) {
        TurnContents old = t.contents();
        List<NamedContents> imageLists = new ArrayList<>(old.images());
        if (!images.isEmpty()) {
            imageLists.add(new NamedContents(IMAGE_NAME, images));
        }
        List<NamedContents> audioLists = new ArrayList<>(old.audios());
        if (!audios.isEmpty()) {
            audioLists.add(new NamedContents(AUDIO_NAME, audios));
        }
        List<NamedContents> videoLists = new ArrayList<>(old.videos());
        if (!videos.isEmpty()) {
            videoLists.add(new NamedContents(VIDEO_NAME, videos));
        }
        return t.withContents(new TurnContents(old.texts(), imageLists, audioLists, videoLists), t.inputTokens());
    }
}
