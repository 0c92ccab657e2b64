package org.resultsdesk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatMatch;
import org.resultsdesk.feeds.BundledResults;

/**
 * Seat lookup latency over every bundled seat name, sampled so JMH reports percentiles (target: p99 under 1 ms).
 * Run: see "Benchmarks" in the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SeatLookupBenchmark {
    @Param({"kingswood", "weston super mare", "kingswod", "birmingham", "xyzzy"})
    public String query;

    private SeatDirectory seats;

    @Setup
    public void setUp() {
        seats = new SeatDirectory(BundledResults.read().archive().seats());
    }

    @Benchmark
    public SeatMatch find() {
        return seats.find(query);
    }
}
