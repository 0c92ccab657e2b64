package org.resultsdesk.cards;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.resultsdesk.core.cards.BoardCard;
import org.resultsdesk.core.cards.CardRenderer;
import org.resultsdesk.core.cards.CouncilCard;
import org.resultsdesk.core.cards.ResultCard;

/**
 * Draws result cards and the night's board at 1200 x 675 (the size social platforms show whole) in Java2D, headless,
 * with the bundled DejaVu Sans. The board's seats-through-the-night line chart is an XChart chart painted into the
 * image. Every bar carries its party's label beside it, so no reader depends on telling colours apart.
 */
public final class ChartCardRenderer implements CardRenderer {
    static final int W = ResultCard.WIDTH;
    static final int H = ResultCard.HEIGHT;
    private static final Color BAND_TEXT = new Color(0xC9CED8);
    private static final int LEFT = 40;
    private static final int RIGHT = W - 40;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Override
    public byte[] resultCard(ResultCard card) {
        Canvas c = new Canvas(W, H);
        c.fillBand(120);
        int badge = verdictBadge(c, card.verdict(), Canvas.colour(card.verdictColour()));
        header(c, card.seat(), card.election(), RIGHT - badge - 30 - LEFT);
        c.text(card.winnerLine(), CardFonts.bold(24), Canvas.INK, LEFT, 165, RIGHT - LEFT);
        bars(c, card.bars());
        c.g.setColor(Canvas.RULE);
        c.g.fillRect(LEFT, 562, RIGHT - LEFT, 2);
        String swingAndTurnout =
                card.swing().map(s -> s + ". " + card.turnout()).orElse(card.turnout());
        c.text(swingAndTurnout, CardFonts.regular(21), Canvas.INK, LEFT, 594, RIGHT - LEFT);
        if (!card.notes().isEmpty()) {
            c.text(String.join(". ", card.notes()), CardFonts.regular(19), Canvas.MUTED, LEFT, 624, RIGHT - LEFT);
        }
        footer(c, card.credit());
        return c.png();
    }

    private static void header(Canvas c, String title, String subtitle, int maxWidth) {
        Font font = CardFonts.bold(44);
        while (c.width(title, font) > maxWidth && font.getSize2D() > 28) {
            font = CardFonts.bold(font.getSize2D() - 2);
        }
        c.text(title, font, Color.WHITE, LEFT, 62, maxWidth);
        c.text(subtitle, CardFonts.regular(24), BAND_TEXT, LEFT, 100, maxWidth);
    }

    /** The verdict on the party's colour at the top right, in a smaller size if it is long; returns its width. */
    private static int verdictBadge(Canvas c, String verdict, Color colour) {
        Font font = CardFonts.bold(26);
        while (c.width(verdict, font) > 520 && font.getSize2D() > 18) {
            font = CardFonts.bold(font.getSize2D() - 1);
        }
        int width = Math.min(c.width(verdict, font) + 40, 560);
        int x = RIGHT - width;
        c.g.setColor(colour);
        c.g.fillRoundRect(x, 32, width, 56, 12, 12);
        c.text(verdict, font, Canvas.textOn(colour), x + 20, 70, width - 40);
        return width;
    }

    private static void bars(Canvas c, List<ResultCard.Bar> bars) {
        int top = 205;
        int bottom = 548;
        int rowHeight = Math.min(56, (bottom - top) / bars.size());
        int barHeight = Math.max(12, (int) (rowHeight * 0.64));
        float size = Math.min(22f, Math.max(13f, rowHeight * 0.5f));
        Font bold = CardFonts.bold(size);
        Font regular = CardFonts.regular(size);
        int barX = 360;
        int barMax = 470;
        int votesRight = 1030;
        int changeX = 1050;
        Font head = CardFonts.regular(15);
        c.text("Vote share", head, Canvas.MUTED, barX, top - 10, 200);
        c.textRight("Votes", head, Canvas.MUTED, votesRight, top - 10);
        c.text("Change", head, Canvas.MUTED, changeX, top - 10, 120);
        double scale = barMax / Math.max(bars.get(0).share(), 1.0);
        for (int i = 0; i < bars.size(); i++) {
            ResultCard.Bar bar = bars.get(i);
            int rowTop = top + i * rowHeight;
            int baseline = rowTop + (rowHeight + (int) (size * 0.7)) / 2;
            int labelWidth = c.text(bar.label(), bold, Canvas.INK, LEFT, baseline, 90);
            c.text(
                    bar.candidate(),
                    regular,
                    Canvas.INK,
                    LEFT + Math.max(labelWidth, 70) + 10,
                    baseline,
                    barX - LEFT - Math.max(labelWidth, 70) - 22);
            int length = Math.max(3, (int) Math.round(bar.share() * scale));
            Color colour = Canvas.colour(bar.colour());
            c.g.setColor(colour);
            c.g.fillRect(barX, rowTop + (rowHeight - barHeight) / 2, length, barHeight);
            if (colour.getRed() > 0xD0 && colour.getGreen() > 0xD0 && colour.getBlue() > 0xD0) {
                c.g.setColor(Canvas.MUTED);
                c.g.drawRect(barX, rowTop + (rowHeight - barHeight) / 2, length, barHeight);
            }
            c.text(bar.shareText(), bold, Canvas.INK, barX + length + 8, baseline, 120);
            c.textRight(bar.votes(), regular, Canvas.INK, votesRight, baseline);
            change(c, bar, regular, changeX, baseline, size);
        }
    }

    private static void change(Canvas c, ResultCard.Bar bar, Font font, int x, int baseline, float size) {
        switch (bar.direction()) {
            case UP -> c.text("▲ " + bar.change(), font, Canvas.INK, x, baseline, RIGHT - x + 20);
            case DOWN -> c.text("▼ " + bar.change(), font, Canvas.INK, x, baseline, RIGHT - x + 20);
            case SAME -> c.text("= " + bar.change(), font, Canvas.INK, x, baseline, RIGHT - x + 20);
            case NEW -> {
                Font tag = CardFonts.bold(size * 0.8f);
                int width = c.width("NEW", tag) + 12;
                c.g.setColor(Canvas.INK);
                c.g.setStroke(new BasicStroke(1.5f));
                c.g.drawRoundRect(x, baseline - (int) (size * 0.85), width, (int) (size * 1.05), 6, 6);
                c.text("NEW", tag, Canvas.INK, x + 6, baseline - 1, width);
            }
            case NONE -> {}
        }
    }

    private static void footer(Canvas c, String credit) {
        c.text(credit, CardFonts.regular(14), Canvas.MUTED, LEFT, 656, 900);
        c.textRight("Results Desk", CardFonts.bold(14), Canvas.MUTED, RIGHT, 656);
    }

    @Override
    public byte[] board(BoardCard board) {
        Canvas c = new Canvas(W, H);
        c.fillBand(120);
        header(c, board.title(), board.declared() + " of " + board.houseSeats() + " seats declared", 620);
        progress(c, board.declared(), board.houseSeats());
        partyTable(c, board);
        timeline(c, board);
        footer(c, board.credit());
        return c.png();
    }

    /**
     * Each party's seats as a pair of bars, before (pale) and after (the party's colour), against the dashed line for a
     * majority of the whole council, with the change; the verdict on the control colour at the top right.
     */
    @Override
    public byte[] council(CouncilCard card) {
        Canvas c = new Canvas(W, H);
        c.fillBand(120);
        int badge = verdictBadge(c, card.badge(), Canvas.colour(card.verdictColour()));
        header(c, card.title(), card.subtitle(), RIGHT - badge - 30 - LEFT);
        int top = 190;
        int bottom = 560;
        List<CouncilCard.Row> rows =
                card.rows().subList(0, Math.min(8, card.rows().size()));
        int rowHeight = rows.isEmpty() ? 0 : Math.min(52, (bottom - top) / rows.size());
        boolean compare = rows.stream().anyMatch(r -> r.before().isPresent());
        boolean changes = rows.stream().anyMatch(r -> !r.change().isEmpty());
        boolean majority = card.totalSeats() > 0;
        int barX = 330;
        int barMax = 600;
        int changeRight = RIGHT;
        Font head = CardFonts.regular(15);
        Font bold = CardFonts.bold(20);
        Font regular = CardFonts.regular(20);
        c.text(compare ? "Seats before (pale) and after" : "Seats won", head, Canvas.MUTED, barX, top - 12, 400);
        if (changes) {
            c.textRight("Change", head, Canvas.MUTED, changeRight, top - 12);
        }
        int most = rows.stream()
                .mapToInt(r -> Math.max(r.after(), r.before().orElse(0)))
                .max()
                .orElse(0);
        double scale = barMax / (double) Math.max(1, Math.max(most, majority ? card.majorityLine() : 0));
        for (int i = 0; i < rows.size(); i++) {
            CouncilCard.Row row = rows.get(i);
            int rowTop = top + i * rowHeight;
            int baseline = rowTop + rowHeight / 2 + 7;
            c.text(row.label(), bold, Canvas.INK, LEFT, baseline, 80);
            c.text(row.name(), CardFonts.regular(15), Canvas.MUTED, LEFT + 84, baseline, barX - LEFT - 94);
            Color colour = Canvas.colour(row.colour());
            int barHeight = compare ? Math.max(6, rowHeight / 3) : Math.max(10, rowHeight / 2);
            int afterTop = compare ? rowTop + rowHeight / 2 : rowTop + (rowHeight - barHeight) / 2;
            if (row.before().isPresent()) {
                int beforeLength = Math.max(2, (int) Math.round(row.before().getAsInt() * scale));
                c.g.setColor(pale(colour));
                c.g.fillRect(barX, afterTop - barHeight - 2, beforeLength, barHeight);
                c.text(
                        String.valueOf(row.before().getAsInt()),
                        CardFonts.regular(14),
                        Canvas.MUTED,
                        barX + beforeLength + 6,
                        afterTop - 4,
                        60);
            }
            int length = Math.max(2, (int) Math.round(row.after() * scale));
            c.g.setColor(colour);
            c.g.fillRect(barX, afterTop, length, barHeight);
            c.text(String.valueOf(row.after()), bold, Canvas.INK, barX + length + 6, afterTop + barHeight, 60);
            if (changes) {
                c.textRight(row.change(), regular, Canvas.INK, changeRight, baseline);
            }
        }
        if (majority) {
            majorityLine(c, card, barX, scale, top, top + rows.size() * rowHeight);
        }
        c.g.setColor(Canvas.RULE);
        c.g.fillRect(LEFT, 580, RIGHT - LEFT, 2);
        List<String> lines = Canvas.wrap(card.sources(), c.g.getFontMetrics(CardFonts.regular(15)), RIGHT - LEFT);
        for (int i = 0; i < Math.min(2, lines.size()); i++) {
            String line = i == 1 && lines.size() > 2 ? String.join(" ", lines.subList(1, lines.size())) : lines.get(i);
            c.text(line, CardFonts.regular(15), Canvas.MUTED, LEFT, 604 + i * 21, RIGHT - LEFT);
        }
        footer(c, card.credit());
        return c.png();
    }

    /** The dashed line at the seats a majority of the whole council needs, labelled beneath. */
    private static void majorityLine(Canvas c, CouncilCard card, int barX, double scale, int top, int lineBottom) {
        int lineX = barX + (int) Math.round(card.majorityLine() * scale);
        c.g.setColor(Canvas.INK);
        c.g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        c.g.drawLine(lineX, top - 4, lineX, lineBottom + 4);
        c.g.setStroke(new BasicStroke(1f));
        c.text(
                card.majorityLine() + " of " + card.totalSeats() + " for a majority",
                CardFonts.regular(14),
                Canvas.INK,
                Math.max(LEFT, lineX - 80),
                lineBottom + 24,
                300);
    }

    /** The party's colour washed towards white, for the seats before. */
    private static Color pale(Color colour) {
        return new Color(
                (colour.getRed() + 2 * 255) / 3, (colour.getGreen() + 2 * 255) / 3, (colour.getBlue() + 2 * 255) / 3);
    }

    private static void progress(Canvas c, int declared, int of) {
        int x = 700;
        int width = RIGHT - x;
        c.g.setColor(new Color(0x3A4152));
        c.g.fillRoundRect(x, 44, width, 30, 10, 10);
        c.g.setColor(Color.WHITE);
        c.g.fillRoundRect(x, 44, (int) Math.round(width * Math.min(1.0, declared / (double) of)), 30, 10, 10);
        c.text("Declared", CardFonts.regular(16), BAND_TEXT, x, 100, 200);
        c.textRight(Math.round(100.0 * declared / of) + "%", CardFonts.bold(16), Color.WHITE, RIGHT, 100);
    }

    private static void partyTable(Canvas c, BoardCard board) {
        int top = 170;
        int rowHeight = 44;
        Font head = CardFonts.regular(15);
        Font bold = CardFonts.bold(20);
        Font regular = CardFonts.regular(20);
        int barX = 130;
        int barMax = 230;
        int gainRight = 490;
        int lossRight = 545;
        int shareRight = 620;
        int changeRight = 690;
        c.text("Seats", head, Canvas.MUTED, barX, top - 12, 100);
        c.textRight("Gain", head, Canvas.MUTED, gainRight, top - 12);
        c.textRight("Loss", head, Canvas.MUTED, lossRight, top - 12);
        c.textRight("Vote", head, Canvas.MUTED, shareRight, top - 12);
        c.textRight(
                board.comparisonLabel().isEmpty() ? "" : "vs " + board.comparisonLabel(),
                head,
                Canvas.MUTED,
                changeRight,
                top - 12);
        List<BoardCard.PartyRow> rows =
                board.parties().subList(0, Math.min(8, board.parties().size()));
        int most = rows.stream().mapToInt(BoardCard.PartyRow::seats).max().orElse(0);
        double scale = barMax / (double) Math.max(most, board.majorityLine() + 30);
        for (int i = 0; i < rows.size(); i++) {
            BoardCard.PartyRow row = rows.get(i);
            int rowTop = top + i * rowHeight;
            int baseline = rowTop + 29;
            c.text(row.label(), bold, Canvas.INK, LEFT, baseline, barX - LEFT - 8);
            Color colour = Canvas.colour(row.colour());
            int length = Math.max(2, (int) Math.round(row.seats() * scale));
            c.g.setColor(colour);
            c.g.fillRect(barX, rowTop + 10, length, 26);
            c.text(String.valueOf(row.seats()), bold, Canvas.INK, barX + length + 6, baseline, 60);
            c.textRight(row.gains() == 0 ? "0" : "+" + row.gains(), regular, Canvas.INK, gainRight, baseline);
            c.textRight(row.losses() == 0 ? "0" : "-" + row.losses(), regular, Canvas.INK, lossRight, baseline);
            c.textRight(row.share(), regular, Canvas.INK, shareRight, baseline);
            c.textRight(row.change(), regular, Canvas.INK, changeRight, baseline);
        }
        int lineX = barX + (int) Math.round(board.majorityLine() * scale);
        c.g.setColor(Canvas.INK);
        c.g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        c.g.drawLine(lineX, top - 4, lineX, top + rows.size() * rowHeight + 4);
        c.g.setStroke(new BasicStroke(1f));
        c.text(
                board.majorityLine() + " for a majority",
                CardFonts.regular(14),
                Canvas.INK,
                lineX - 60,
                top + rows.size() * rowHeight + 24,
                200);
    }

    private static void timeline(Canvas c, BoardCard board) {
        int x = 720;
        int y = 140;
        int width = RIGHT - x;
        int height = 490;
        List<BoardCard.Timeline> lines =
                board.timelines().stream().filter(t -> !t.points().isEmpty()).toList();
        if (lines.isEmpty()) {
            c.text("Seats through the night", CardFonts.bold(18), Canvas.INK, x, y + 20, width);
            c.text("No declaration times yet", CardFonts.regular(16), Canvas.MUTED, x, y + 60, width);
            return;
        }
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title("Seats through the night")
                .build();
        var styler = chart.getStyler();
        styler.setChartTitleFont(CardFonts.bold(18));
        styler.setLegendFont(CardFonts.regular(14));
        styler.setAxisTickLabelsFont(CardFonts.regular(13));
        styler.setAxisTitleFont(CardFonts.regular(13));
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(Canvas.RULE);
        styler.setChartFontColor(Canvas.INK);
        styler.setAxisTickLabelsColor(Canvas.INK);
        styler.setDatePattern("HH:mm");
        styler.setTimezone(TimeZone.getTimeZone("Europe/London"));
        int most = lines.stream()
                .flatMap(l -> l.points().stream())
                .mapToInt(BoardCard.Point::seats)
                .max()
                .orElse(0);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(Math.max(50.0, Math.ceil(most / 50.0) * 50));
        styler.setYAxisDecimalPattern("#0");
        styler.setYAxisTickMarkSpacingHint(60);
        styler.setChartPadding(4);
        styler.setAntiAlias(true);
        Set<String> names = new HashSet<>();
        for (BoardCard.Timeline line : lines) {
            String name = line.label();
            while (!names.add(name)) {
                name = name + "'";
            }
            List<Date> at = new ArrayList<>();
            List<Integer> seats = new ArrayList<>();
            for (BoardCard.Point p : line.points()) {
                at.add(Date.from(p.at()));
                seats.add(p.seats());
            }
            XYSeries series = chart.addSeries(name, at, seats);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(Canvas.colour(line.colour()));
            series.setLineWidth(3f);
        }
        Graphics2D area = (Graphics2D) c.g.create(x, y, width, height);
        try {
            chart.paint(area, width, height);
        } finally {
            area.dispose();
        }
    }
}
