package org.resultsdesk.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes double-encoded UTF-8 in source text: UTF-8 bytes that were read as Latin-1 and written out again as UTF-8,
 * so that "Áine" arrives as "Ã" followed by an invisible U+0081. Text whose characters are all Latin-1 and whose
 * bytes then form valid UTF-8 with at least one multi-byte sequence is decoded once more; anything else ("Siân",
 * "Sinn Féin") is left as it is, since a real Latin-1 accent is followed by a letter, never by a byte from 0x80 to 0xBF.
 */
final class NameRepair {
    private NameRepair() {}

    static String repair(String text) {
        if (text == null || text.chars().allMatch(c -> c < 0x80) || text.chars().anyMatch(c -> c > 0xFF)) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }
}
