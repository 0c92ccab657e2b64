package org.resultsdesk.cards;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** A white image with the drawing helpers both cards use: text that fits a width, colours from hex, PNG out. */
final class Canvas {
    static final Color INK = new Color(0x1B1F2A);
    static final Color MUTED = new Color(0x5F6673);
    static final Color RULE = new Color(0xD9DCE1);
    static final Color BAND = new Color(0x1B1F2A);
    /** ImageIO's PNG quality: 1.0 is no compression, 0.0 the most. */
    static final float COMPRESSION_QUALITY = 0.75f;

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    void fillBand(int height) {
        g.setColor(BAND);
        g.fillRect(0, 0, image.getWidth(), height);
    }

    static Color colour(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luminance =
                (0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue()) / 255;
        return luminance > 0.6 ? INK : Color.WHITE;
    }

    /** Draws {@code text} with its baseline at y, cut with an ellipsis to fit {@code maxWidth}; returns its width. */
    int text(String text, Font font, Color colour, int x, int y, int maxWidth) {
        g.setFont(font);
        g.setColor(colour);
        String fitted = fit(text, g.getFontMetrics(), maxWidth);
        g.drawString(fitted, x, y);
        return g.getFontMetrics().stringWidth(fitted);
    }

    /** Draws {@code text} ending at x. */
    void textRight(String text, Font font, Color colour, int right, int y) {
        g.setFont(font);
        g.setColor(colour);
        g.drawString(text, right - g.getFontMetrics().stringWidth(text), y);
    }

    int width(String text, Font font) {
        return g.getFontMetrics(font).stringWidth(text);
    }

    /** {@code text} broken at spaces into lines no wider than {@code maxWidth} (a single long word stays whole). */
    static java.util.List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(tried) > maxWidth) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String fit(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    /**
     * The image as PNG, deflated lightly: the default level costs several times the CPU for a file a few per cent
     * smaller, and a card is drawn on election night while alerts wait.
     */
    byte[] png() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(COMPRESSION_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
