package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig.VideoSynthType;
import io.aiperf.core.dataset.SeededRandom;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The frames of one synthetic video, drawn in Java from a seed and handed out one at a time as packed
 * {@code bgr24} bytes (the layout of {@link BufferedImage#TYPE_3BYTE_BGR}, which ffmpeg reads as
 * {@code -pix_fmt bgr24}).
 *
 * <ul>
 *   <li>{@code moving_shapes}: three filled circles and squares on black, each with a colour, start point, direction
 *       and speed drawn from the seed, wrapping at the edges; over one video a shape travels one to two frame
 *       widths across and one to two frame heights down, each scaled by its direction's cosine and sine.
 *   <li>{@code grid_clock}: a grid on dark grey, a clock face whose minute hand turns once per video (from a start
 *       angle drawn from the seed) and whose hour hand turns a twelfth as fast, and a progress bar along the bottom.
 *   <li>{@code noise}: every byte uniform random.
 * </ul>
 *
 * AIPerf draws the same three kinds; its shapes start at fixed places, ours from the seed, so videos of one run
 * differ from each other the way its noise videos do.
 */
final class VideoFrames {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int SHAPES = 3;

    private final int width;
    private final int height;
    private final int frames;
    private final VideoSynthType type;
    private final SeededRandom rng;
    private final double[][] shapes;
    private final double clockStart;
    private final BufferedImage canvas;

    VideoFrames(int width, int height, int frames, VideoSynthType type, long seed) {
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.type = type;
        this.rng = new SeededRandom(seed);
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.shapes = type == VideoSynthType.MOVING_SHAPES ? drawShapes() : null;
        this.clockStart = type == VideoSynthType.GRID_CLOCK ? rng.nextDouble() * 2 * Math.PI : 0;
    }

    int frameCount() {
        return frames;
    }

    /** Bytes per frame: {@code width * height * 3}. */
    int frameBytes() {
        return width * height * 3;
    }

    /**
     * Frame {@code n} (0-based; frames must be asked for in order, since noise draws as it goes). The array is the
     * canvas itself, overwritten by the next call.
     */
    byte[] frame(int n) {
        byte[] pixels = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        if (type == VideoSynthType.NOISE) {
            fillNoise(pixels);
            return pixels;
        }
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            if (type == VideoSynthType.MOVING_SHAPES) {
                movingShapes(g, n);
            } else {
                gridClock(g, n);
            }
        } finally {
            g.dispose();
        }
        return pixels;
    }

    /** Per shape: kind (0 circle, 1 square), r, g, b, x0, y0, dx, dy (pixels per frame), size. */
    private double[][] drawShapes() {
        double[][] out = new double[SHAPES][];
        int side = Math.min(width, height);
        for (int s = 0; s < SHAPES; s++) {
            double speed = 1 + rng.nextDouble();
            double angle = rng.nextDouble() * 2 * Math.PI;
            out[s] = new double[] {
                    rng.nextInt(2), 64 + rng.nextInt(192), 64 + rng.nextInt(192), 64 + rng.nextInt(192),
                    rng.nextDouble() * width, rng.nextDouble() * height,
                    // Scaled by the frame count so the motion per video, not per frame, is what the seed fixes.
                    Math.cos(angle) * speed * width / frames, Math.sin(angle) * speed * height / frames,
                    Math.max(2, side / 6 + rng.nextInt(Math.max(1, side / 6)))};
        }
        return out;
    }

    private void movingShapes(Graphics2D g, int n) {
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        for (double[] s : shapes) {
            g.setColor(new Color((int) s[1], (int) s[2], (int) s[3]));
            int x = (int) Math.floorMod((long) Math.floor(s[4] + s[6] * n), width);
            int y = (int) Math.floorMod((long) Math.floor(s[5] + s[7] * n), height);
            int size = (int) s[8];
            if (s[0] == 0) {
                g.fillOval(x - size / 2, y - size / 2, size, size);
            } else {
                g.fillRect(x - size / 2, y - size / 2, size, size);
            }
        }
    }

    private void gridClock(Graphics2D g, int n) {
        g.setColor(new Color(32, 32, 32));
        g.fillRect(0, 0, width, height);
        int cell = Math.max(8, Math.min(width, height) / 6);
        g.setColor(new Color(64, 64, 64));
        for (int x = 0; x < width; x += cell) {
            g.drawLine(x, 0, x, height);
        }
        for (int y = 0; y < height; y += cell) {
            g.drawLine(0, y, width, y);
        }
        int cx = width / 2;
        int cy = height / 2;
        int radius = Math.max(2, Math.min(width, height) / 3);
        double minute = clockStart + 2 * Math.PI * n / frames;
        double hour = clockStart + minute / 12;
        g.setColor(new Color(128, 128, 128));
        g.setStroke(new BasicStroke(2));
        g.drawOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
        g.setColor(Color.YELLOW);
        g.setStroke(new BasicStroke(3));
        hand(g, cx, cy, radius * 0.6, hour);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2));
        hand(g, cx, cy, radius * 0.9, minute);
        g.setColor(Color.RED);
        g.fillOval(cx - 2, cy - 2, 5, 5);
        // Stands in for a frame number: text would need fonts, which a headless server may not have.
        g.setColor(Color.GREEN);
        g.fillRect(0, height - Math.max(1, height / 32), (int) ((long) width * (n + 1) / frames), Math.max(1,
                height / 32));
    }

    private static void hand(Graphics2D g, int cx, int cy, double length, double angle) {
        g.drawLine(cx, cy, (int) Math.round(cx + length * Math.sin(angle)),
                (int) Math.round(cy - length * Math.cos(angle)));
    }

    private void fillNoise(byte[] pixels) {
        int i = 0;
        while (i < pixels.length) {
            long bits = rng.nextLong();
            for (int b = 0; b < 8 && i < pixels.length; b++) {
                pixels[i++] = (byte) (bits >>> (8 * b));
            }
        }
    }
}
