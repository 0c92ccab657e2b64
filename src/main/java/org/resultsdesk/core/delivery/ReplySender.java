package org.resultsdesk.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.port.SendBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to commands, on a pool of workers and never on the thread that reads updates: one chat's answers go in
 * the order asked, while a chat that is throttled holds up no other. Each send draws on the same shared budget as
 * alerts, so pacing holds across instances; an answer never queues behind a chat's backlog of alerts (those wait in
 * the outbox): it books the chat's next free slot, which no alert can then take, since alerts only take slots that
 * are free at the moment they ask. A wait (the budget's, or a 429's retry-after) is scheduled, not
 * slept, and an answer that cannot go within {@code maxWait} is dropped with a log line rather than sent stale.
 */
public final class ReplySender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    /** Runs {@code then} once {@code wait} has passed, without holding a thread meanwhile. */
    @FunctionalInterface
    public interface Scheduler {
        void after(Duration wait, Runnable then);
    }

    private final ChatGateway gateway;
    private final Pacer pacer;
    private final Clock clock;
    private final Executor workers;
    private final Scheduler scheduler;
    private final Duration maxWait;
    private final Map<String, CompletableFuture<Optional<DeliveryResult>>> queues = new ConcurrentHashMap<>();

    public ReplySender(
            ChatGateway gateway,
            SendBudget budget,
            Clock clock,
            Executor workers,
            Scheduler scheduler,
            Duration maxWait) {
        this.gateway = gateway;
        this.pacer = new Pacer(gateway.platform(), gateway.limits().forAnswers(), budget);
        this.clock = clock;
        this.workers = workers;
        this.scheduler = scheduler;
        this.maxWait = maxWait;
    }

    /** On a pool of {@code threads} daemon workers, waiting by the wall clock. */
    public static ReplySender pooled(
            ChatGateway gateway, SendBudget budget, Clock clock, int threads, Duration maxWait) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "replies-" + gateway.platform().name().toLowerCase());
            t.setDaemon(true);
            return t;
        });
        return new ReplySender(
                gateway,
                budget,
                clock,
                pool,
                (wait, then) -> CompletableFuture.delayedExecutor(
                                Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS, pool)
                        .execute(then),
                maxWait);
    }

    /**
     * Works out an answer on a worker and sends it to the chat, after the chat's earlier answers. The work may
     * return empty (nothing to say); whatever it throws is logged, and the chat's queue goes on. Completes with how
     * the send ended (empty if there was nothing to send), so a caller can fall back when it did not go.
     */
    public CompletableFuture<Optional<DeliveryResult>> submit(String chatId, Supplier<Optional<Reply>> work) {
        CompletableFuture<Optional<DeliveryResult>> done = new CompletableFuture<>();
        CompletableFuture<Optional<DeliveryResult>> previous = queues.put(chatId, done);
        done.whenComplete((ok, error) -> queues.remove(chatId, done));
        (previous == null ? CompletableFuture.completedFuture(Optional.<DeliveryResult>empty()) : previous)
                .whenComplete((ok, error) -> workers.execute(() -> start(chatId, work, done)));
        return done;
    }

    private void start(
            String chatId, Supplier<Optional<Reply>> work, CompletableFuture<Optional<DeliveryResult>> done) {
        try {
            Optional<Reply> reply = work.get();
            if (reply.isEmpty()) {
                done.complete(Optional.empty());
                return;
            }
            attempt(new Attempt(chatId, reply.get(), 0, clock.instant().plus(maxWait)), done);
        } catch (RuntimeException | Error e) {
            LOG.error("could not answer in chat {}", chatId, e);
            done.complete(Optional.of(new DeliveryResult.Failed("could not be answered: " + e, false)));
        }
    }

    private record Attempt(String chatId, Reply reply, int fromPart, Instant giveUpAt) {
        Attempt from(int part) {
            return new Attempt(chatId, reply, part, giveUpAt);
        }
    }

    /** Books the chat's next free slot (ahead of any alert that has not taken it yet) and sends in it. */
    private void attempt(Attempt a, CompletableFuture<Optional<DeliveryResult>> done) {
        try {
            Instant now = clock.instant();
            Optional<Instant> slot = pacer.book(a.chatId(), now, a.giveUpAt());
            if (slot.isEmpty()) {
                drop(a, done);
            } else if (slot.get().isAfter(now)) {
                scheduler.after(Duration.between(now, slot.get()), () -> send(a, done));
            } else {
                send(a, done);
            }
        } catch (RuntimeException e) {
            LOG.error("could not answer in chat {}", a.chatId(), e);
            done.complete(Optional.of(new DeliveryResult.Failed(e.toString(), false)));
        }
    }

    private void send(Attempt a, CompletableFuture<Optional<DeliveryResult>> done) {
        try {
            DeliveryResult result = gateway.send(a.chatId(), a.reply(), a.fromPart());
            if (result instanceof DeliveryResult.PartSent) {
                attempt(a.from(a.fromPart() + 1), done); // the next part books the chat's next slot
                return;
            }
            if (result instanceof DeliveryResult.RetryAfter retry) {
                pacer.throttled(a.chatId(), clock.instant().plus(retry.after()));
                later(a, retry.after(), done);
                return;
            }
            if (!(result instanceof DeliveryResult.Delivered)) {
                LOG.warn("could not answer in chat {}: {}", a.chatId(), result);
            }
            done.complete(Optional.of(result));
        } catch (RuntimeException e) {
            LOG.error("could not answer in chat {}", a.chatId(), e);
            done.complete(Optional.of(new DeliveryResult.Failed(e.toString(), true)));
        }
    }

    private void drop(Attempt a, CompletableFuture<Optional<DeliveryResult>> done) {
        LOG.warn("dropping an answer to chat {}: it could not be sent within {} s", a.chatId(), maxWait.toSeconds());
        done.complete(Optional.of(
                new DeliveryResult.Failed("could not be sent within " + maxWait.toSeconds() + " s", false)));
    }

    private void later(Attempt a, Duration wait, CompletableFuture<Optional<DeliveryResult>> done) {
        if (clock.instant().plus(wait).isAfter(a.giveUpAt())) {
            drop(a, done);
            return;
        }
        scheduler.after(wait, () -> attempt(a, done));
    }

    @Override
    public void close() {
        if (workers instanceof ExecutorService pool) {
            pool.shutdown();
        }
    }
}
