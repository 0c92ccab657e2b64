package org.resultsdesk.cards;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, bundled (src/main/resources/fonts, Bitstream Vera licence with DejaVu's public-domain changes), so a
 * card looks the same on a laptop, in CI and in a slim Docker image with no fonts installed.
 */
final class CardFonts {
    static final Font REGULAR = load("/fonts/DejaVuSans.ttf");
    static final Font BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private CardFonts() {}

    static Font regular(float size) {
        return REGULAR.deriveFont(Font.PLAIN, size);
    }

    static Font bold(float size) {
        return BOLD.deriveFont(Font.PLAIN, size);
    }

    private static Font load(String resource) {
        try (InputStream in = CardFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font unreadable: " + resource, e);
        }
    }
}
