package org.resultsdesk.core.cards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.resultsdesk.core.announce.PlainTextRenderer;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Picture;

/**
 * Pictures of cards, each drawn once: the cache is keyed by the card's model, which holds every figure it shows, so
 * a contest's card is drawn once per revision (a correction changes the figures, hence the model) and a repeat
 * request, or the same alert to a hundred channels, reuses the bytes.
 */
public final class Cards {
    private static final int CACHED = 700;

    private final CardRenderer renderer;
    private final ResultCardFactory resultCards = new ResultCardFactory();
    private final PlainTextRenderer plain = new PlainTextRenderer();
    private final AtomicLong drawn = new AtomicLong();
    // Evicting on the caller's thread keeps the bound exact rather than eventual.
    private final Cache<Object, Picture> cache =
            Caffeine.newBuilder().maximumSize(CACHED).executor(Runnable::run).build();

    public Cards(CardRenderer renderer) {
        this.renderer = renderer;
    }

    /** A result's card, with the announcement's plain text (and the credit) as the picture's text. */
    public Picture resultCard(ResultFigures figures, Announcement announcement) {
        return resultCard(resultCards.card(figures, announcement), plain.render(announcement) + ResultCard.CREDIT);
    }

    public Picture resultCard(ResultCard card, String altText) {
        return cached(
                card,
                () -> new Picture(
                        card.fileName(), renderer.resultCard(card), ResultCard.WIDTH, ResultCard.HEIGHT, altText));
    }

    public Picture board(BoardCard card, String altText) {
        return cached(
                card,
                () -> new Picture(card.fileName(), renderer.board(card), ResultCard.WIDTH, ResultCard.HEIGHT, altText));
    }

    public Picture council(CouncilCard card, String altText) {
        return cached(
                card,
                () -> new Picture(
                        card.fileName(), renderer.council(card), ResultCard.WIDTH, ResultCard.HEIGHT, altText));
    }

    /** How many pictures have been drawn (not served from the cache). */
    public long drawn() {
        return drawn.get();
    }

    private Picture cached(Object model, java.util.function.Supplier<Picture> draw) {
        Picture known = cache.getIfPresent(model);
        if (known != null) {
            return known;
        }
        // Drawn outside the cache's lock: two threads may draw the same card once each, which is harmless.
        Picture picture = draw.get();
        drawn.incrementAndGet();
        Picture first = cache.asMap().putIfAbsent(model, picture);
        return first != null ? first : picture;
    }

    /** "Kingswood By-election, 15 Feb 2024" gives "kingswood-by-election-15-feb-2024". */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "card" : slug;
    }
}
