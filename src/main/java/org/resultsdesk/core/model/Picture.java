package org.resultsdesk.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rendered image to post: PNG bytes, their pixel size, and {@code altText}, the same content as text for where a
 * picture cannot go (the console, a screen reader, a platform that refuses the upload).
 */
public record Picture(String fileName, byte[] png, int width, int height, String altText) {
    public Picture {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(png);
        Objects.requireNonNull(altText);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a picture needs a size");
        }
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    public int sizeBytes() {
        return png.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Picture p
                && fileName.equals(p.fileName)
                && Arrays.equals(png, p.png)
                && width == p.width
                && height == p.height
                && altText.equals(p.altText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, Arrays.hashCode(png), width, height, altText);
    }

    @Override
    public String toString() {
        return "Picture[" + fileName + ", " + width + "x" + height + ", " + png.length + " bytes]";
    }
}
