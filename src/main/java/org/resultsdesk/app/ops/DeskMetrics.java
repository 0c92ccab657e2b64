package org.resultsdesk.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.resultsdesk.core.alerts.IngestOutcome;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.OutboxStatus;
import org.resultsdesk.store.Database;

/**
 * What the desk counts, in Prometheus format: declarations ingested and rejected, alerts sent, throttled and
 * failed by platform, outbox depth, the time from a declaration being queued to its post, and command latency.
 */
public final class DeskMetrics implements AlertDelivery.Listener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private static final List<String> PLATFORMS = List.of("telegram", "slack", "console");
    private static final List<String> FAILURES = List.of("rejected", "uncertain", "failed", "channel_gone");

    public DeskMetrics(Supplier<Number> outboxDepth) {
        Gauge.builder("resultsdesk_outbox_depth", outboxDepth)
                .description("alerts waiting or in flight")
                .register(registry);
        registerAtZero();
        List.of(
                        new JvmMemoryMetrics(),
                        new JvmGcMetrics(),
                        new JvmThreadMetrics(),
                        new ClassLoaderMetrics(),
                        new ProcessorMetrics(),
                        new UptimeMetrics(),
                        new FileDescriptorMetrics())
                .forEach(binder -> binder.bindTo(registry));
    }

    /** Every documented counter, at zero until its first event, so dashboards and alerts see it from the start. */
    private void registerAtZero() {
        for (String outcome : List.of("accepted", "rejected", "nothing_new")) {
            Counter.builder("resultsdesk_feed_files_total")
                    .tag("outcome", outcome)
                    .register(registry);
        }
        Counter.builder("resultsdesk_declarations_ingested_total").register(registry);
        Counter.builder("resultsdesk_declarations_rejected_total").register(registry);
        Counter.builder("resultsdesk_alerts_queued_total").register(registry);
        for (String platform : PLATFORMS) {
            Counter.builder("resultsdesk_alerts_sent_total")
                    .tag("platform", platform)
                    .register(registry);
            Counter.builder("resultsdesk_messages_posted_total")
                    .tag("platform", platform)
                    .register(registry);
            Counter.builder("resultsdesk_rate_limited_total")
                    .tag("platform", platform)
                    .register(registry);
            Counter.builder("resultsdesk_alerts_taken_over_total")
                    .tag("platform", platform)
                    .register(registry);
            for (String status : FAILURES) {
                Counter.builder("resultsdesk_alerts_failed_total")
                        .tag("platform", platform)
                        .tag("status", status)
                        .register(registry);
            }
        }
    }

    /** A gauge of the desk's state, such as leadership (1 or 0) or paused channels. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** HikariCP's pool metrics (connections active, idle, pending, timeouts). */
    public void bindPool(Database database) {
        database.bindMetrics(registry);
    }

    public void ingested(IngestOutcome outcome) {
        String result = outcome instanceof IngestOutcome.Accepted
                ? "accepted"
                : outcome instanceof IngestOutcome.Rejected ? "rejected" : "nothing_new";
        Counter.builder("resultsdesk_feed_files_total")
                .tag("outcome", result)
                .register(registry)
                .increment();
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            Counter.builder("resultsdesk_declarations_ingested_total")
                    .register(registry)
                    .increment(accepted.contestIds().size());
            Counter.builder("resultsdesk_alerts_queued_total")
                    .register(registry)
                    .increment(accepted.alertsQueued());
            Counter.builder("resultsdesk_declarations_rejected_total")
                    .register(registry)
                    .increment(accepted.rejectedMessages().size());
        } else if (outcome instanceof IngestOutcome.Rejected) {
            Counter.builder("resultsdesk_declarations_rejected_total")
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void sent(ChannelRef channel, List<Alert> alerts, Instant at) {
        String platform = platform(channel);
        Counter.builder("resultsdesk_alerts_sent_total")
                .tag("platform", platform)
                .register(registry)
                .increment(alerts.size());
        Counter.builder("resultsdesk_messages_posted_total")
                .tag("platform", platform)
                .register(registry)
                .increment();
        Timer latency = Timer.builder("resultsdesk_declaration_to_post_seconds")
                .tag("platform", platform)
                .publishPercentileHistogram()
                .register(registry);
        alerts.forEach(a -> latency.record(Duration.between(a.createdAt(), at)));
    }

    @Override
    public void throttled(ChannelRef channel, Duration retryAfter) {
        Counter.builder("resultsdesk_rate_limited_total")
                .tag("platform", platform(channel))
                .register(registry)
                .increment();
    }

    @Override
    public void failed(ChannelRef channel, List<Alert> alerts, OutboxStatus status, String reason) {
        Counter.builder("resultsdesk_alerts_failed_total")
                .tag("platform", platform(channel))
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment(alerts.size());
    }

    @Override
    public void takenOver(ChatContext.Platform platform, int alerts) {
        Counter.builder("resultsdesk_alerts_taken_over_total")
                .tag("platform", platform(platform))
                .register(registry)
                .increment(alerts);
    }

    /** A command handler that times every command it answers. */
    public CommandHandler timed(CommandHandler handler) {
        return (text, context) -> {
            Timer.Sample sample = Timer.start(registry);
            try {
                return handler.handle(text, context);
            } finally {
                sample.stop(Timer.builder("resultsdesk_command_seconds")
                        .tag("platform", platform(context.platform()))
                        .register(registry));
            }
        };
    }

    /** A counter's total over all its tags. */
    public double total(String counter) {
        return registry.find(counter).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    public String scrape() {
        return registry.scrape();
    }

    private static String platform(ChannelRef channel) {
        return platform(channel.platform());
    }

    private static String platform(ChatContext.Platform platform) {
        return platform.name().toLowerCase();
    }
}
