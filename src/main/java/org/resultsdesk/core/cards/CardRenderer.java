package org.resultsdesk.core.cards;

/** Draws card models as PNG images; the adapter owns fonts, colours and the charting library. */
public interface CardRenderer {
    byte[] resultCard(ResultCard card);

    byte[] board(BoardCard card);

    byte[] council(CouncilCard card);
}
