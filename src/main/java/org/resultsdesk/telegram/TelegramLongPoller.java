package org.resultsdesk.telegram;

import java.time.Duration;
import org.resultsdesk.core.retry.BackOff;
import org.resultsdesk.core.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling with our own back-off ({@link #BACK_OFF}): after a failure it waits up to 1, 2, 4 seconds and never
 * more than five, jittered, so however long Telegram was away, polling resumes within seconds of its return
 * (TelegramBots' own back-off grows to 15 minutes). One poller per bot token: Telegram answers a second one with 409. Updates are read one by one
 * ({@link GetUpdatesOneByOne}): one that cannot be read is logged and skipped, never a reason to stop hearing the rest.
 * Whatever goes wrong in a round is logged and the loop goes on: only {@link #close()} ends it.
 */
public final class TelegramLongPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramLongPoller.class);
    static final BackOff BACK_OFF = new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5);

    /** Set by {@link #close()}: a poll failing from then on was interrupted on purpose. */
    private volatile boolean closing;

    private final TelegramClient client;
    private final TelegramBot bot;
    private final int timeoutSeconds;
    private final Sleeper sleeper;
    private final BackOff backOff;
    private volatile boolean running;
    private Thread thread;
    private long offset;
    private int failures;

    public TelegramLongPoller(TelegramClient client, TelegramBot bot, int timeoutSeconds, Sleeper sleeper) {
        this(client, bot, timeoutSeconds, sleeper, BACK_OFF);
    }

    TelegramLongPoller(TelegramClient client, TelegramBot bot, int timeoutSeconds, Sleeper sleeper, BackOff backOff) {
        this.client = client;
        this.bot = bot;
        this.timeoutSeconds = timeoutSeconds;
        this.sleeper = sleeper;
        this.backOff = backOff;
    }

    public TelegramLongPoller start() {
        running = true;
        thread = new Thread(this::run, "telegram-poller");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                Duration wait;
                try {
                    wait = pollOnce();
                } catch (RuntimeException | Error e) {
                    failures++;
                    wait = backOff.delay(failures);
                    LOG.error("Telegram polling round failed; next try in {} ms", wait.toMillis(), e);
                }
                if (!wait.isZero()) {
                    sleeper.sleep(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One getUpdates call, handling what it brings; returns how long to wait before the next (zero after success). */
    public Duration pollOnce() {
        try {
            UpdateBatch batch = client.execute(new GetUpdatesOneByOne(offset, 100, timeoutSeconds));
            if (failures > 0) {
                LOG.info("Telegram answers again after {} failed poll(s)", failures);
            }
            failures = 0;
            batch.unreadable().forEach(reason -> LOG.warn("skipped an unreadable Telegram {}", reason));
            offset = Math.max(offset, batch.nextOffset());
            for (Update update : batch.updates()) {
                bot.onUpdate(update);
            }
            return Duration.ZERO;
        } catch (TelegramApiException e) {
            if (closing || Thread.currentThread().isInterrupted()) {
                // Stopping: the long poll was interrupted on purpose, not a failure.
                LOG.debug("long poll interrupted while stopping");
                return Duration.ZERO;
            }
            failures++;
            Duration wait = backOff.delay(failures);
            if (failures == 1 || failures % 20 == 0) {
                LOG.warn(
                        "polling Telegram failed ({} in a row): {}; next try in {} ms",
                        failures,
                        e.getMessage(),
                        wait.toMillis());
            }
            return wait;
        }
    }

    /** The offset the next getUpdates confirms: one past the highest update id seen. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }
}
