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
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.seats.CouncilDirectory;
import org.resultsdesk.core.seats.WardDirectory;
import org.resultsdesk.core.seats.WardMatch;
import org.resultsdesk.feeds.LocalBundledData;

/**
 * {@link WardDirectory#find} latency over every bundled ward and division (2021-2025), sampled so JMH reports
 * percentiles (target: p99 under 1 ms): name and council with a comma, the same without one, a shorthand council,
 * an ONS code, a name many councils share, a unique name, a misspelt ward inside a named council, and nonsense.
 * Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WardLookupBenchmark {
    @Param({
        "abbey, buckinghamshire",
        "birchington and rural kent",
        "abbey bucks",
        "E05015927",
        "abbey",
        "armthorpe",
        "birchingtn, kent",
        "xyzzy"
    })
    public String query;

    private WardDirectory wards;

    @Setup
    public void setUp() {
        LocalArchive archive = LocalBundledData.read().archive();
        wards = new WardDirectory(archive.wards(), new CouncilDirectory(archive.councils()));
    }

    @Benchmark
    public WardMatch find() {
        return wards.find(query);
    }
}
