package org.resultsdesk.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Compares a rendered picture with its golden PNG under src/test/resources/cards, with a small tolerance for
 * anti-aliasing: a layout regression moves thousands of pixels, a different rasteriser a few. Run with
 * {@code -Dcards.golden.update=true} to write new goldens after an intended change, and look at them.
 */
final class GoldenImages {
    /** A pixel counts as different when one channel differs by more than this. */
    private static final int CHANNEL_TOLERANCE = 40;
    /** The share of pixels allowed to differ. */
    private static final double PIXEL_TOLERANCE = 0.003;

    private GoldenImages() {}

    static void assertMatches(String name, byte[] png) throws IOException {
        if (Boolean.getBoolean("cards.golden.update")) {
            Files.write(Path.of("src", "test", "resources", "cards", name), png);
            return;
        }
        BufferedImage expected;
        try (InputStream in = GoldenImages.class.getResourceAsStream("/cards/" + name)) {
            assertThat(in).as("golden image " + name).isNotNull();
            expected = ImageIO.read(in);
        }
        BufferedImage actual = CardRenderingTest.decode(png);
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        long different = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                if (differs(actual.getRGB(x, y), expected.getRGB(x, y))) {
                    different++;
                }
            }
        }
        double share = different / (double) (actual.getWidth() * actual.getHeight());
        if (share > PIXEL_TOLERANCE) {
            Path out = Path.of("target", "cards", "actual-" + name);
            Files.createDirectories(out.getParent());
            Files.write(out, png);
        }
        assertThat(share)
                .as(name + ": share of pixels unlike the golden (actual written to target/cards)")
                .isLessThanOrEqualTo(PIXEL_TOLERANCE);
    }

    private static boolean differs(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > CHANNEL_TOLERANCE) {
                return true;
            }
        }
        return false;
    }
}
