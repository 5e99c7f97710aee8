package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Synthetic video and MP3 clips made by the system ffmpeg, end to end: inputs.json, the mock's log, ffprobe. */
class SyntheticVideoIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private static Path ffprobe;

    @BeforeAll
    static void needsFfmpeg() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ffmpeg"))
                    && Files.isExecutable(Path.of(dir, "ffprobe"))) {
                ffprobe = Path.of(dir, "ffprobe");
                return;
            }
        }
        assumeTrue(false, "ffmpeg and ffprobe are not on PATH (apt-get install ffmpeg); skipped");
    }

    private AiperfRun run(String... extra) throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        List<String> args = new ArrayList<>(List.of("-m", "m", "--osl", "4", "--isl", "8", "--random-seed", "3"));
        args.addAll(List.of(extra));
        return aiperf.profile(args);
    }

    /** The parts of that type in the last message of every payload of inputs.json. */
    private static List<JsonNode> parts(AiperfRun run, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode session : run.inputs().get("data")) {
            for (JsonNode payload : session.get("payloads")) {
                JsonNode messages = payload.get("messages");
                messages.get(messages.size() - 1).get("content").forEach(p -> {
                    if (type.equals(p.path("type").asText())) {
                        out.add(p);
                    }
                });
            }
        }
        return out;
    }

    private JsonNode probe(byte[] media) throws Exception {
        Path file = Files.write(aiperf.dir().resolve("probe.bin"), media);
        Process p = new ProcessBuilder(ffprobe.toString(), "-v", "error", "-show_streams", "-show_format", "-of",
                "json", file.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(new String(out)).isZero();
        return new ObjectMapper().readTree(out);
    }

    @Test
    void aChatRunSendsWebmVp9OfTheAskedSize() throws Exception {
        AiperfRun r = run("--request-count", "2", "--num-dataset-entries", "2", "--video-width", "64",
                "--video-height", "48", "--video-duration", "1", "--video-fps", "4");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(aiperf.mock().requestLog()).hasSize(2).allSatisfy(req -> assertThat(req.videos()).isEqualTo(1));

        List<JsonNode> videos = parts(r, "video_url");
        assertThat(videos).hasSize(2);
        String url = videos.get(0).at("/video_url/url").asText();
        String prefix = "data:video/webm;base64,";
        assertThat(url).startsWith(prefix);
        JsonNode probe = probe(Base64.getDecoder().decode(url.substring(prefix.length())));
        JsonNode stream = probe.at("/streams/0");
        assertThat(stream.path("codec_name").asText()).isEqualTo("vp9");
        assertThat(stream.path("width").asInt()).isEqualTo(64);
        assertThat(stream.path("height").asInt()).isEqualTo(48);
        assertThat(stream.path("r_frame_rate").asText()).isEqualTo("4/1");
        assertThat(probe.at("/format/duration").asDouble()).isBetween(0.9, 1.1);
    }

    @Test
    void anMp3RunSendsLameClips() throws Exception {
        AiperfRun r = run("--request-count", "2", "--num-dataset-entries", "1", "--audio-length-mean", "0.5",
                "--audio-format", "mp3");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(aiperf.mock().requestLog()).extracting(RequestRecord::audios).containsExactly(1, 1);
        List<JsonNode> clips = parts(r, "input_audio");
        assertThat(clips).hasSize(1);
        assertThat(clips.get(0).at("/input_audio/format").asText()).isEqualTo("mp3");
        JsonNode probe = probe(Base64.getDecoder().decode(clips.get(0).at("/input_audio/data").asText()));
        assertThat(probe.at("/streams/0/codec_name").asText()).isEqualTo("mp3");
        assertThat(probe.at("/streams/0/sample_rate").asInt()).isEqualTo(16000);
    }

    @Test
    void aCodecFfmpegLacksIsOneLineBeforeAnyRequest() throws Exception {
        AiperfRun r = run("--request-count", "1", "--video-width", "16", "--video-height", "16",
                "--video-duration", "1", "--video-codec", "no-such-codec");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().lines().filter(l -> l.startsWith("aiperf: error:"))).as(r.stderr())
                .containsExactly("aiperf: error: ffmpeg failed to encode a 16x16 webm video with no-such-codec"
                        + " (exit 1): Unknown encoder 'no-such-codec'");
        assertThat(r.stderr()).doesNotContain("\tat ");
        assertThat(aiperf.mock().requestLog()).isEmpty();
    }
}
