package org.resultsdesk.it;

import java.util.ArrayList;
import java.util.List;

/** Which results a post to a fake platform carries: what the delivery tests and benchmarks count. */
public final class PostedSeats {
    private PostedSeats() {}

    /**
     * The seats whose results a post carries: a line that starts with a headline ("Bath, general election 4 Jul
     * 2029..."), or, under a short digest's heading ("40 new declarations, general election 4 Jul 2029:"), a line that
     * starts with the seat ("Bath: Lab GAIN from Con, ..."); corrections are not counted.
     */
    public static List<String> seats(String text, String headlineSuffix) {
        List<String> seats = new ArrayList<>();
        boolean shortDigest = false;
        for (String line : text.split("\n")) {
            int at = line.indexOf(headlineSuffix);
            if (line.startsWith("Correction")) {
                continue;
            }
            if (line.endsWith(headlineSuffix + ":") && line.contains(" new declarations")) {
                shortDigest = true;
            } else if (at > 0) {
                seats.add(line.substring(0, at));
            } else if (shortDigest && line.indexOf(": ") > 0) {
                seats.add(line.substring(0, line.indexOf(": ")));
            }
        }
        return seats;
    }
}
