package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.MediaConfig.VideoFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ffmpeg arguments that turn raw {@code bgr24} frames on stdin into one video: the asked codec in
 * {@code yuv420p} (what players and servers decode), the asked container, and, when given, a WAV file muxed in as
 * the audio track (cut to the video's length with {@code -shortest}). The output is a file, not stdout: only on a
 * seekable output do the muxers go back and write the WebM duration and cues, or move the MP4 index to the front
 * ({@code +faststart}). (AIPerf streams WebM to stdout, which leaves its duration unknown to a reader.)
 */
final class VideoCommand {

    private VideoCommand() {
    }

    /**
     * @param audioWav the noise track to mux, or null for none
     * @param out      the video file to write (overwritten)
     */
    static List<String> arguments(MediaConfig.Video video, Path audioWav, Path out) {
        List<String> a = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", video.width() + "x" + video.height(),
                "-r", Integer.toString(video.fps()), "-i", "pipe:0"));
        if (audioWav != null) {
            a.addAll(List.of("-i", audioWav.toString()));
        }
        a.addAll(List.of("-c:v", video.codec(), "-pix_fmt", "yuv420p"));
        if (audioWav != null) {
            a.addAll(List.of("-c:a", video.resolvedAudioCodec().cliName(), "-shortest"));
        }
        if (video.format() == VideoFormat.MP4) {
            a.addAll(List.of("-movflags", "+faststart"));
        }
        a.addAll(List.of("-f", video.format().cliName(), "-y", out.toString()));
        return a;
    }

    /** WAV on stdin to MP3 on stdout with LAME. */
    static List<String> mp3Arguments() {
        return List.of("-hide_banner", "-loglevel", "error", "-f", "wav", "-i", "pipe:0", "-c:a", "libmp3lame",
                "-f", "mp3", "pipe:1");
    }
}
