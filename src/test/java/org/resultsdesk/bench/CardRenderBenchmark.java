package org.resultsdesk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
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
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.seats.SeatDirectory;

/**
 * Drawing pictures, uncached, sampled so JMH reports percentiles (aims: a result card p99 under 50 ms, the board
 * under 200 ms): Kingswood's card (six candidates), Holborn and St Pancras (twelve), and the GE2019 board with its
 * line chart, model and drawing together (each board is drawn afresh). Run: see "Benchmarks" in the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class CardRenderBenchmark {
    private final ChartCardRenderer renderer = new ChartCardRenderer();
    private ResultCard kingswood;
    private ResultCard twelveCandidates;
    private SeatDirectory seats;

    @Setup
    public void setUp() {
        kingswood = card("parl.kingswood.by.2024-02-15", "E14000774");
        twelveCandidates = card("parl.2024-07-04", "E14001290");
        seats = new SeatDirectory(TestData.archive().seats());
    }

    private static ResultCard card(String election, String gss) {
        ResultFigures figures = TestData.figures(election, gss);
        return new ResultCardFactory().card(figures, new AnnouncementFactory().announce(figures));
    }

    @Benchmark
    public byte[] resultCardKingswood() {
        return renderer.resultCard(kingswood);
    }

    @Benchmark
    public byte[] resultCardTwelveCandidates() {
        return renderer.resultCard(twelveCandidates);
    }

    @Benchmark
    public Reply board2019() {
        // A fresh cache each time, so the board is built and drawn, not served from memory.
        return new PictureCommands(TestData.archive(), seats, new Cards(renderer))
                .handle(CommandLine.parse("/board 2019"), ChatContext.console());
    }
}
