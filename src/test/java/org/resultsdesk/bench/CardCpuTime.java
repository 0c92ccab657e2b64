package org.resultsdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import org.resultsdesk.TestData;
import org.resultsdesk.cards.ChartCardRenderer;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.cards.ResultCard;
import org.resultsdesk.core.cards.ResultCardFactory;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.seats.SeatDirectory;

/**
 * The CPU time one thread spends drawing a card and the board (p50, p99, max over many draws, after a warm-up).
 * {@link CardRenderBenchmark} measures wall time, which on a shared machine mostly measures the other tenants; this
 * says what a picture costs whatever else runs. Run: see "Benchmarks" in the README.
 */
public final class CardCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CardCpuTime() {}

    public static void main(String[] args) {
        ChartCardRenderer renderer = new ChartCardRenderer();
        ResultCard kingswood = card("parl.kingswood.by.2024-02-15", "E14000774");
        ResultCard twelve = card("parl.2024-07-04", "E14001290");
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        report("result card, Kingswood 2024 (6 candidates)", 300, () -> renderer.resultCard(kingswood));
        report("result card, Holborn and St Pancras 2024 (12)", 300, () -> renderer.resultCard(twelve));
        report(
                "board, GE2019 (650 seats, model and drawing)",
                60,
                () -> new PictureCommands(TestData.archive(), seats, new Cards(renderer))
                        .handle(CommandLine.parse("/board 2019"), ChatContext.console()));
    }

    private static ResultCard card(String election, String gss) {
        ResultFigures figures = TestData.figures(election, gss);
        return new ResultCardFactory().card(figures, new AnnouncementFactory().announce(figures));
    }

    private static void report(String what, int runs, Supplier<?> draw) {
        for (int i = 0; i < runs / 3; i++) {
            draw.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            draw.get();
            millis[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "%-50s CPU ms: p50 %.1f, p99 %.1f, max %.1f (%d draws)%n",
                what, millis[runs / 2], millis[(int) Math.ceil(runs * 0.99) - 1], millis[runs - 1], runs);
    }
}
