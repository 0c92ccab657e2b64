package org.resultsdesk.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedRejected;

/** A text feed file's content: strict UTF-8 (invalid bytes refuse the file rather than become U+FFFD), BOM dropped. */
final class FeedText {
    private FeedText() {}

    static String decode(FeedFile file) throws FeedRejected {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.content()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FeedRejected("not valid UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
