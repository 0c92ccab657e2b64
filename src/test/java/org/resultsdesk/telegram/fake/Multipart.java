package org.resultsdesk.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A multipart/form-data body cut into its parts as bytes, so uploaded files arrive intact. */
final class Multipart {
    private Multipart() {}

    /** Each part between the boundaries, headers and content, without the CRLF before the next boundary. */
    static List<byte[]> parts(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing boundary
            }
            start += 2; // CRLF after the boundary
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int end = next >= 2 && body[next - 2] == '\r' && body[next - 1] == '\n' ? next - 2 : next;
            parts.add(Arrays.copyOfRange(body, start, Math.max(start, end)));
            at = next;
        }
        return parts;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** {@code name="value"} from a Content-Disposition header, or null. */
    static String attribute(String headers, String name) {
        Matcher m = Pattern.compile("(?i)[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }
}
