package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig.VideoSynthType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VideoFramesTest {

    private static List<byte[]> all(VideoSynthType type, long seed) {
        VideoFrames f = new VideoFrames(64, 48, 8, type, seed);
        List<byte[]> out = new ArrayList<>();
        for (int n = 0; n < f.frameCount(); n++) {
            out.add(f.frame(n).clone());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(VideoSynthType.class)
    void sameSeedSameFramesOtherSeedOtherFrames(VideoSynthType type) {
        List<byte[]> a = all(type, 5);
        assertThat(a).hasSize(8).allSatisfy(f -> assertThat(f).hasSize(64 * 48 * 3));
        List<byte[]> b = all(type, 5);
        for (int n = 0; n < a.size(); n++) {
            assertThat(b.get(n)).as("frame %d", n).isEqualTo(a.get(n));
        }
        assertThat(all(type, 6).get(0)).isNotEqualTo(a.get(0));
    }

    @ParameterizedTest
    @EnumSource(VideoSynthType.class)
    void theFramesChangeOverTime(VideoSynthType type) {
        List<byte[]> frames = all(type, 11);
        for (int n = 1; n < frames.size(); n++) {
            assertThat(frames.get(n)).as("frame %d differs from frame %d", n, n - 1).isNotEqualTo(frames.get(n - 1));
        }
    }

    @Test
    void movingShapesMove() {
        VideoFrames f = new VideoFrames(64, 48, 8, VideoSynthType.MOVING_SHAPES, 3);
        double[] first = centroid(f.frame(0).clone());
        double[] later = centroid(f.frame(3).clone());
        assertThat(Math.hypot(later[0] - first[0], later[1] - first[1]))
                .as("the lit pixels' centre of mass moved").isGreaterThan(1.0);
    }

    @Test
    void movingShapesAreShapesOnBlack() {
        byte[] frame = new VideoFrames(64, 48, 4, VideoSynthType.MOVING_SHAPES, 3).frame(0);
        int lit = 0;
        for (int p = 0; p < frame.length; p += 3) {
            if (frame[p] != 0 || frame[p + 1] != 0 || frame[p + 2] != 0) {
                lit++;
            }
        }
        assertThat(lit).as("some but not all pixels are lit").isBetween(1, 64 * 48 - 1);
    }

    /** Centre of the non-black pixels of a 64x48 bgr24 frame. */
    private static double[] centroid(byte[] frame) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < 64 * 48; i++) {
            if (frame[3 * i] != 0 || frame[3 * i + 1] != 0 || frame[3 * i + 2] != 0) {
                sx += i % 64;
                sy += i / 64;
                n++;
            }
        }
        return new double[] {sx / n, sy / n};
    }
}
