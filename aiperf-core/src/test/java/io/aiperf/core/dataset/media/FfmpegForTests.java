package io.aiperf.core.dataset.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** ffmpeg and ffprobe for tests that need them: skipped, with the reason, on a machine without them. */
final class FfmpegForTests {

    /** What ffprobe reads from a media file's first stream and its container. */
    record Probe(String codec, int width, int height, String frameRate, int sampleRate, double durationSec,
                 List<String> streamTypes) {
    }

    private FfmpegForTests() {
    }

    static Ffmpeg orSkip() {
        var ffmpeg = Ffmpeg.onPath();
        assumeTrue(ffmpeg.isPresent(), "ffmpeg is not on PATH (apt-get install ffmpeg); skipped");
        return ffmpeg.get();
    }

    static Probe probe(byte[] media) throws Exception {
        Path ffprobe = orSkip().executable().resolveSibling("ffprobe");
        assumeTrue(Files.isExecutable(ffprobe), "ffprobe is not beside ffmpeg; skipped");
        Path file = Files.createTempFile("aiperf-probe-", ".bin");
        try {
            Files.write(file, media);
            Process p = new ProcessBuilder(ffprobe.toString(), "-v", "error", "-show_streams", "-show_format",
                    "-of", "json", file.toString()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new AssertionError("ffprobe cannot read it: " + new String(out));
            }
            JsonNode json = new ObjectMapper().readTree(out);
            JsonNode first = json.path("streams").path(0);
            List<String> types = new ArrayList<>();
            json.path("streams").forEach(s -> types.add(s.path("codec_type").asText()));
            return new Probe(first.path("codec_name").asText(), first.path("width").asInt(),
                    first.path("height").asInt(), first.path("r_frame_rate").asText(),
                    first.path("sample_rate").asInt(), json.path("format").path("duration").asDouble(), types);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
