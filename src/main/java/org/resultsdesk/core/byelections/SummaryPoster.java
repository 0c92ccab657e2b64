package org.resultsdesk.core.byelections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.resultsdesk.core.alerts.WeeklySummaries;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.SummarySchedule;

/**
 * The Friday summary, scheduled: once every council by-election of this week has declared, the summary is queued
 * through the outbox to each channel an editor scheduled it for, once per channel and week (the outbox keeps one
 * alert per channel, key and revision, so every instance may check and none posts twice). The alert is composed
 * when it is sent, from the results the store holds then.
 */
public final class SummaryPoster implements WeeklySummaries {
    static final String KEY_PREFIX = "byelections/";

    private final ByElectionDiary diary;
    private final ByElectionPages pages;
    private final SummarySchedule schedule;
    private final AlertStore outbox;
    private final Clock clock;
    private final Runnable alertsQueued;

    public SummaryPoster(
            ByElectionDiary diary,
            ByElectionPages pages,
            SummarySchedule schedule,
            AlertStore outbox,
            Clock clock,
            Runnable alertsQueued) {
        this.diary = diary;
        this.pages = pages;
        this.schedule = schedule;
        this.outbox = outbox;
        this.clock = clock;
        this.alertsQueued = alertsQueued;
    }

    /** Queues this week's summary where it is scheduled and due; returns how many alerts that queued (or found queued). */
    public int postIfDue() {
        ByElectionWeek week = diary.week(LocalDate.now(clock.withZone(ByElectionCommands.LONDON)));
        if (week.council().isEmpty() || week.declared().size() < week.council().size()) {
            return 0;
        }
        List<Alert> alerts = schedule.channels().stream()
                .map(channel ->
                        Alert.pending(channel, KEY_PREFIX + week.monday(), 1, Alert.Kind.SUMMARY, clock.instant()))
                .toList();
        if (alerts.isEmpty()) {
            return 0;
        }
        List<Alert> queued = outbox.enqueue(alerts);
        alertsQueued.run();
        return queued.size();
    }

    @Override
    public Reply summary(Alert alert) {
        return pages.summary(diary.week(monday(alert)));
    }

    @Override
    public String line(Alert alert) {
        Reply summary = summary(alert);
        String first = summary.parts().get(0) instanceof Reply.Text t ? t.text() : "";
        return first.lines().limit(2).reduce((a, b) -> a + ". " + b).orElse(first);
    }

    private static LocalDate monday(Alert alert) {
        if (!alert.contestId().startsWith(KEY_PREFIX)) {
            throw new IllegalStateException("not a by-election summary: " + alert.contestId());
        }
        try {
            return LocalDate.parse(alert.contestId().substring(KEY_PREFIX.length()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("not a by-election summary: " + alert.contestId(), e);
        }
    }
}
