package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.MediaConfig.ImageFormat;
import io.aiperf.core.dataset.PositiveNormal;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.SeededRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * Synthetic images as data URLs ({@code data:image/png;base64,…} or {@code image/jpeg}), drawn from nothing but a
 * seed: a two-colour gradient, a handful of filled shapes and lines, and a light per-pixel noise so that no two
 * images compress alike. (AIPerf resizes a few bundled photographs instead; the server sees the same kind of
 * payload: an image of the asked size in the asked format.)
 *
 * <p>Draws, in order, from {@value RandomStreams#MEDIA_IMAGE}, for each image of each turn: its width and height
 * ({@link PositiveNormal#sampleInteger} of the mean and stddev), its format when {@code --image-format random}
 * (one {@code nextBoolean}: PNG or JPEG), and one {@code long}, the seed its pixels are drawn from. Images are then
 * rendered in parallel; image {@code i} depends only on its own draws, so the same seed gives byte-identical data
 * URLs whatever the thread count. Rendering uses Java2D's software pipeline with antialiasing off, in headless mode.
 */
public final class SyntheticImages {

    static {
        // Only software rendering is used; headless keeps AWT from looking for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The JDK's PNG writer maps quality q to deflate level (int) (9 * (1 - q)): this is level 1. */
    private static final float PNG_COMPRESSION_QUALITY = 0.85f;

    /** What one image is to be; everything random about it is fixed here. */
    record Spec(int width, int height, ImageFormat format, long seed) {
    }

    private SyntheticImages() {
    }

    /**
     * The images of {@code turns} consecutive turns: {@code batchSize} data URLs each, in draw order. Empty lists when
     * images are not {@link MediaConfig.Images#enabled() enabled}.
     */
    public static List<List<String>> generate(MediaConfig.Images config, int turns, RandomStreams streams,
                                              int threads) {
        if (!config.enabled()) {
            return MediaBatches.none(turns);
        }
        SeededRandom rng = streams.derive(RandomStreams.MEDIA_IMAGE);
        return MediaBatches.generate(turns, config.batchSize(), () -> spec(rng, config), SyntheticImages::dataUrl,
                threads, "aiperf-dataset-images");
    }

    static Spec spec(SeededRandom rng, MediaConfig.Images config) {
        int width = PositiveNormal.sampleInteger(rng, config.widthMean(), config.widthStddev());
        int height = PositiveNormal.sampleInteger(rng, config.heightMean(), config.heightStddev());
        ImageFormat format = config.format() == ImageFormat.RANDOM
                ? (rng.nextBoolean() ? ImageFormat.PNG : ImageFormat.JPEG) : config.format();
        return new Spec(width, height, format, rng.nextLong());
    }

    static String dataUrl(Spec spec) {
        byte[] bytes = encode(draw(spec.width(), spec.height(), spec.seed()), spec.format());
        return "data:" + mimeType(spec.format()) + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    static String mimeType(ImageFormat format) {
        return format == ImageFormat.JPEG ? "image/jpeg" : "image/png";
    }

    /** An RGB image drawn from {@code seed} alone. */
    static BufferedImage draw(int width, int height, long seed) {
        SeededRandom r = new SeededRandom(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
            g.setPaint(new GradientPaint(r.nextInt(width), r.nextInt(height), color(r, 255),
                    r.nextInt(width), r.nextInt(height), color(r, 255)));
            g.fillRect(0, 0, width, height);
            int shapes = 4 + r.nextInt(8);
            for (int s = 0; s < shapes; s++) {
                g.setColor(color(r, 96 + r.nextInt(160)));
                int x = r.nextInt(width);
                int y = r.nextInt(height);
                int w = 1 + r.nextInt(Math.max(1, width / 2));
                int h = 1 + r.nextInt(Math.max(1, height / 2));
                int kind = r.nextInt(4);
                if (kind == 0) {
                    g.fillRect(x - w / 2, y - h / 2, w, h);
                } else if (kind == 1) {
                    g.fillOval(x - w / 2, y - h / 2, w, h);
                } else if (kind == 2) {
                    g.fillPolygon(new int[] {x, x + w, x - w / 2}, new int[] {y - h, y + h / 2, y + h}, 3);
                } else {
                    g.setStroke(new BasicStroke(1 + r.nextInt(Math.max(1, Math.min(width, height) / 16 + 1))));
                    g.drawLine(x, y, r.nextInt(width), r.nextInt(height));
                }
            }
        } finally {
            g.dispose();
        }
        addNoise(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), r);
        return img;
    }

    /** A few levels up or down per channel: keeps images distinct and PNGs from collapsing to a few bytes. */
    private static void addNoise(int[] pixels, SeededRandom r) {
        for (int i = 0; i < pixels.length; i++) {
            long bits = r.nextLong();
            int p = pixels[i];
            int red = clamp(((p >> 16) & 0xFF) + (int) (bits & 7) - 3);
            int green = clamp(((p >> 8) & 0xFF) + (int) ((bits >>> 3) & 7) - 3);
            int blue = clamp((p & 0xFF) + (int) ((bits >>> 6) & 7) - 3);
            pixels[i] = (red << 16) | (green << 8) | blue;
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static Color color(SeededRandom r, int alpha) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), alpha);
    }

    /** PNG or JPEG bytes, written in memory (no ImageIO cache file). */
    static byte[] encode(BufferedImage img, ImageFormat format) {
        String name = format == ImageFormat.JPEG ? "jpeg" : "png";
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(name);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no " + name + " image writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(img.getWidth() * img.getHeight());
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format != ImageFormat.JPEG && param.canWriteCompressed()) {
                // The noise leaves little for deflate to find, so its fastest level is used (one manual comparison
                // under load: same size, ~180 ms instead of ~300 ms per 512x512 image; not a bench).
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(PNG_COMPRESSION_QUALITY);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a synthetic " + name + " image", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
