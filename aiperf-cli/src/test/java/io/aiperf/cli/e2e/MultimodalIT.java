package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Images and audio end to end: synthetic and from a file row, rendered into inputs.json and sent to the mock. */
class MultimodalIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    /** A run against a fresh mock server, so its request log holds this run's requests only. */
    private AiperfRun run(String... extra) throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        List<String> args = new ArrayList<>(List.of("-m", "m", "--osl", "4"));
        args.addAll(List.of(extra));
        return aiperf.profile(args);
    }

    /** Every payload of inputs.json, in order. */
    private static List<JsonNode> payloads(AiperfRun run) throws Exception {
        JsonNode inputs = run.inputs();
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode session : inputs.get("data")) {
            session.get("payloads").forEach(out::add);
        }
        return out;
    }

    /** The parts of the last message of a chat payload with that type. */
    private static List<JsonNode> parts(JsonNode payload, String type) {
        JsonNode messages = payload.get("messages");
        List<JsonNode> out = new ArrayList<>();
        messages.get(messages.size() - 1).get("content").forEach(p -> {
            if (type.equals(p.path("type").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    private static byte[] dataUrlBytes(String url, String mime) {
        String prefix = "data:" + mime + ";base64,";
        assertThat(url).startsWith(prefix);
        return Base64.getDecoder().decode(url.substring(prefix.length()));
    }

    @Test
    void syntheticImagesAndAudioReachTheServer() throws Exception {
        AiperfRun r = run("--isl", "16", "--request-count", "4", "--concurrency", "2",
                "--random-seed", "7", "--num-dataset-entries", "3",
                "--image-width-mean", "64", "--image-height-mean", "48", "--audio-length-mean", "0.5");
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        List<RequestRecord> log = aiperf.mock().requestLog();
        assertThat(log).hasSize(4).allSatisfy(req -> {
            assertThat(req.path()).isEqualTo("/v1/chat/completions");
            assertThat(req.images()).isEqualTo(1);
            assertThat(req.audios()).isEqualTo(1);
        });

        List<JsonNode> payloads = payloads(r);
        assertThat(payloads).hasSize(3);
        for (JsonNode p : payloads) {
            assertThat(parts(p, "text")).hasSize(1);
            List<JsonNode> images = parts(p, "image_url");
            assertThat(images).hasSize(1);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                    dataUrlBytes(images.get(0).at("/image_url/url").asText(), "image/png")));
            assertThat(img.getWidth()).isEqualTo(64);
            assertThat(img.getHeight()).isEqualTo(48);
            List<JsonNode> audios = parts(p, "input_audio");
            assertThat(audios).hasSize(1);
            assertThat(audios.get(0).at("/input_audio/format").asText()).isEqualTo("wav");
            byte[] wav = Base64.getDecoder().decode(audios.get(0).at("/input_audio/data").asText());
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
                AudioFormat f = in.getFormat();
                assertThat(f.getSampleRate()).isEqualTo(16000f);
                assertThat(f.getSampleSizeInBits()).isEqualTo(16);
                assertThat(f.getChannels()).isEqualTo(1);
                assertThat(in.getFrameLength()).isEqualTo(8000);
            }
        }
        JsonNode summary = r.summary();
        assertThat(summary.has("error_request_count")).as(r.stdout()).isFalse();
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).as("the ISL counts texts only")
                .isEqualTo(16.0);

        // The same seed draws the same images and clips, byte for byte.
        AiperfRun r2 = run("--isl", "16", "--request-count", "2", "--random-seed", "7",
                "--num-dataset-entries", "3", "--image-width-mean", "64", "--image-height-mean", "48",
                "--audio-length-mean", "0.5");
        assertThat(r2.exitCode()).as(r2.stderr()).isZero();
        assertThat(payloads(r2)).isEqualTo(payloads);
    }

    @Test
    void endpointsThatCannotCarryMediaWarnAndSendNone() throws Exception {
        AiperfRun r = run("--endpoint-type", "completions", "--isl", "8", "--request-count",
                "2", "--image-width-mean", "32", "--image-height-mean", "32");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("aiperf: warning: --image-* options ignored: endpoint type 'completions'"
                + " cannot carry images");
        assertThat(aiperf.mock().requestLog()).hasSize(2).allSatisfy(req -> assertThat(req.images()).isZero());
        assertThat(r.text("inputs.json")).doesNotContain("data:image");
    }

    @Test
    void aFileRowWithALocalImageSendsItsBytes() throws Exception {
        Path data = Files.createDirectories(aiperf.dir().resolve("data"));
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, Color.ORANGE.getRGB());
        ImageIO.write(img, "png", data.resolve("dot.png").toFile());
        byte[] fileBytes = Files.readAllBytes(data.resolve("dot.png"));
        Path rows = Files.writeString(data.resolve("rows.jsonl"),
                "{\"text\": \"what is this\", \"image\": \"dot.png\"}\n"
                        + "{\"text\": \"and this\", \"images\": [\"dot.png\", \"https://example.invalid/x.png\"]}\n");
        AiperfRun r = run("--input-file", rows.toString(), "--custom-dataset-type",
                "single_turn", "--request-count", "2");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(aiperf.mock().requestLog()).extracting(RequestRecord::images).containsExactly(1, 2);
        List<JsonNode> payloads = payloads(r);
        assertThat(payloads).hasSize(2);
        List<JsonNode> first = parts(payloads.get(0), "image_url");
        assertThat(dataUrlBytes(first.get(0).at("/image_url/url").asText(), "image/png")).isEqualTo(fileBytes);
        assertThat(parts(payloads.get(1), "image_url")).extracting(p -> p.at("/image_url/url").asText())
                .containsExactly(first.get(0).at("/image_url/url").asText(), "https://example.invalid/x.png");
    }

    @Test
    void aMissingLocalImageIsOneLineNamingTheRow() throws Exception {
        Path rows = Files.writeString(aiperf.dir().resolve("rows.jsonl"),
                "{\"text\": \"hi\", \"image\": \"nope.png\"}\n");
        AiperfRun r = run("--input-file", rows.toString(), "--request-count", "1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).contains(rows + ":1: 'image': no such image file: " + aiperf.dir().resolve("nope.png"))
                .doesNotContain("\tat ");
        assertThat(aiperf.mock().requestLog()).isEmpty();
    }
}
