package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.MediaConfig.ImageFormat;
import io.aiperf.core.dataset.RandomStreams;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticImagesTest {

    private static MediaConfig.Images images(double w, double wsd, double h, double hsd, int batch, ImageFormat f) {
        return new MediaConfig.Images(w, wsd, h, hsd, batch, f);
    }

    /** The decoded image of a data URL, checking its MIME type. */
    static BufferedImage decode(String dataUrl, String mime) throws IOException {
        String prefix = "data:" + mime + ";base64,";
        assertThat(dataUrl).startsWith(prefix);
        byte[] bytes = Base64.getDecoder().decode(dataUrl.substring(prefix.length()));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(img).as("decodable " + mime).isNotNull();
        return img;
    }

    @Test
    void pngImagesHaveTheAskedSizeAndDecode() throws IOException {
        List<List<String>> out = SyntheticImages.generate(images(64, 0, 48, 0, 2, ImageFormat.PNG), 3,
                new RandomStreams(7L), 2);
        assertThat(out).hasSize(3).allSatisfy(batch -> assertThat(batch).hasSize(2));
        Set<String> distinct = new HashSet<>();
        for (List<String> batch : out) {
            for (String url : batch) {
                BufferedImage img = decode(url, "image/png");
                assertThat(img.getWidth()).isEqualTo(64);
                assertThat(img.getHeight()).isEqualTo(48);
                distinct.add(url);
            }
        }
        assertThat(distinct).as("every image is drawn from its own seed").hasSize(6);
    }

    @Test
    void jpegImagesDecode() throws IOException {
        String url = SyntheticImages.generate(images(33, 0, 17, 0, 1, ImageFormat.JPEG), 1,
                new RandomStreams(1L), 1).get(0).get(0);
        BufferedImage img = decode(url, "image/jpeg");
        assertThat(img.getWidth()).isEqualTo(33);
        assertThat(img.getHeight()).isEqualTo(17);
    }

    @Test
    void randomFormatMixesPngAndJpeg() throws IOException {
        List<List<String>> out = SyntheticImages.generate(images(8, 0, 8, 0, 1, ImageFormat.RANDOM), 40,
                new RandomStreams(3L), 2);
        long png = out.stream().filter(b -> b.get(0).startsWith("data:image/png;")).count();
        long jpeg = out.stream().filter(b -> b.get(0).startsWith("data:image/jpeg;")).count();
        assertThat(png + jpeg).isEqualTo(40);
        assertThat(png).isPositive();
        assertThat(jpeg).isPositive();
        for (List<String> b : out) {
            decode(b.get(0), b.get(0).startsWith("data:image/png;") ? "image/png" : "image/jpeg");
        }
    }

    @Test
    void sizesFollowThePositiveNormal() throws IOException {
        List<List<String>> out = SyntheticImages.generate(images(40, 10, 30, 8, 1, ImageFormat.PNG), 30,
                new RandomStreams(11L), 2);
        Set<Integer> widths = new HashSet<>();
        Set<Integer> heights = new HashSet<>();
        for (List<String> b : out) {
            BufferedImage img = decode(b.get(0), "image/png");
            assertThat(img.getWidth()).isPositive();
            assertThat(img.getHeight()).isPositive();
            widths.add(img.getWidth());
            heights.add(img.getHeight());
        }
        assertThat(widths.size()).isGreaterThan(5);
        assertThat(heights.size()).isGreaterThan(5);
        assertThat(widths.stream().mapToInt(Integer::intValue).average().orElseThrow()).isBetween(33.0, 47.0);
    }

    @Test
    void sameSeedGivesByteIdenticalDataUrlsWhateverTheThreadCount() {
        MediaConfig.Images cfg = images(50, 5, 40, 5, 2, ImageFormat.RANDOM);
        List<List<String>> a = SyntheticImages.generate(cfg, 10, new RandomStreams(42L), 1);
        List<List<String>> b = SyntheticImages.generate(cfg, 10, new RandomStreams(42L), 2);
        List<List<String>> c = SyntheticImages.generate(cfg, 10, new RandomStreams(43L), 2);
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void nothingWhenAMeanIsZero() {
        assertThat(SyntheticImages.generate(images(64, 0, 0, 0, 1, ImageFormat.PNG), 2, new RandomStreams(1L), 1))
                .containsExactly(List.of(), List.of());
        assertThat(images(64, 0, 0, 0, 1, ImageFormat.PNG).enabled()).isFalse();
        assertThat(images(0, 0, 64, 0, 1, ImageFormat.PNG).enabled()).isFalse();
        assertThat(images(64, 0, 64, 0, 1, ImageFormat.PNG).enabled()).isTrue();
    }

    @Test
    void a512SquarePngIsMadeQuickly() throws IOException {
        long t0 = System.nanoTime();
        String url = SyntheticImages.dataUrl(new SyntheticImages.Spec(512, 512, ImageFormat.PNG, 5L));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        BufferedImage img = decode(url, "image/png");
        assertThat(img.getWidth()).isEqualTo(512);
        assertThat(ms).as("one 512x512 PNG").isLessThan(5_000);
    }
}
