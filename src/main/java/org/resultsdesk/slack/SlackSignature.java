package org.resultsdesk.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signing: {@code v0=} and the hex HMAC-SHA256 of {@code v0:<timestamp>:<body>} under the signing
 * secret. Checked here rather than by Bolt because Bolt hashes with the JVM's default charset (a non-ASCII body fails
 * on a machine not set to UTF-8) and accepts timestamps from the future; this accepts only five minutes either way.
 */
public final class SlackSignature {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    public SlackSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Whether the timestamp header is a number of seconds within five minutes of now, either way: checked before the
     * body is read. Any number, however large or negative, is compared without overflow.
     */
    public boolean isFresh(String timestamp) {
        if (timestamp == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        return seconds >= now - WINDOW.toSeconds() && seconds <= now + WINDOW.toSeconds();
    }

    /** Whether a request with these headers and body came from Slack in the last (or next) five minutes. */
    public boolean verify(String timestamp, String signature, byte[] body) {
        if (!isFresh(timestamp) || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(timestamp.strip(), body).getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }
}
