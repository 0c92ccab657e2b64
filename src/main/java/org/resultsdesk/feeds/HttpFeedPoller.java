package org.resultsdesk.feeds;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.retry.BackOff;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls feed URLs with conditional requests (If-None-Match, If-Modified-Since), so an unchanged feed costs a 304 and
 * nothing more. A URL that fails is backed off ({@link #BACK_OFF}: 2 s doubling to a minute, jittered) and tried again; the
 * others go on.
 * A body counts as seen (its ETag and Last-Modified kept) only once the sink has taken it without throwing, so a
 * body whose ingest failed is fetched and ingested again. Whatever a round throws is logged and polling goes on.
 * A body over the size limit is refused without being read whole.
 */
public final class HttpFeedPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFeedPoller.class);
    static final BackOff BACK_OFF = new BackOff(Duration.ofSeconds(2), Duration.ofMinutes(1), 0.5);

    private static final class State {
        String etag;
        String lastModified;
        int failures;
        Instant notBefore = Instant.MIN;
    }

    private final OkHttpClient client;
    private final List<HttpUrl> urls;
    private final Duration interval;
    private final Clock clock;
    private final Consumer<FeedFile> sink;
    private final Map<HttpUrl, State> states = new HashMap<>();
    private final long maxBodyBytes;
    private ScheduledExecutorService scheduler;

    public HttpFeedPoller(
            OkHttpClient client, List<HttpUrl> urls, Duration interval, Clock clock, Consumer<FeedFile> sink) {
        this(client, urls, interval, clock, sink, DirectoryFeedSource.DEFAULT_MAX_FILE_BYTES);
    }

    public HttpFeedPoller(
            OkHttpClient client,
            List<HttpUrl> urls,
            Duration interval,
            Clock clock,
            Consumer<FeedFile> sink,
            long maxBodyBytes) {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("feeds.poll-seconds must be at least 1");
        }
        this.client = client;
        this.urls = List.copyOf(urls);
        this.interval = interval;
        this.clock = clock;
        this.sink = sink;
        this.maxBodyBytes = maxBodyBytes;
        urls.forEach(u -> states.put(u, new State()));
    }

    public HttpFeedPoller start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-poller");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round over every URL that is not backing off; returns how many new bodies were delivered. */
    public synchronized int pollOnce() {
        int delivered = 0;
        for (HttpUrl url : urls) {
            State state = states.get(url);
            if (clock.instant().isBefore(state.notBefore)) {
                continue;
            }
            try {
                delivered += poll(url, state) ? 1 : 0;
                state.failures = 0;
            } catch (IOException e) {
                Duration wait = failed(state);
                LOG.warn(
                        "polling {} failed ({}); trying again in {} s",
                        url,
                        LogSafe.escape(e.getMessage()),
                        wait.toSeconds());
            } catch (RuntimeException | Error e) {
                // Ingest failed (the database down, say): the body was not marked seen, so it comes again.
                Duration wait = failed(state);
                if (state.failures == 1) {
                    LOG.error("ingest of {} failed; trying again in {} s", url, wait.toSeconds(), e);
                } else {
                    LOG.warn(
                            "ingest of {} failed again ({}); trying again in {} s",
                            url,
                            LogSafe.escape(e.toString()),
                            wait.toSeconds());
                }
            }
        }
        return delivered;
    }

    private Duration failed(State state) {
        state.failures++;
        Duration wait = BACK_OFF.delay(state.failures);
        state.notBefore = clock.instant().plus(wait);
        return wait;
    }

    /** A scheduled round: nothing it throws may cancel the schedule. */
    private void pollQuietly() {
        try {
            pollOnce();
        } catch (Throwable e) {
            LOG.error("feed polling round failed", e);
        }
    }

    private boolean poll(HttpUrl url, State state) throws IOException {
        Request.Builder request = new Request.Builder().url(url);
        if (state.etag != null) {
            request.header("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            request.header("If-Modified-Since", state.lastModified);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            if (response.code() == 304) {
                return false;
            }
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            ResponseBody body = response.body();
            if (body.contentLength() > maxBodyBytes) {
                throw new IOException("body of " + body.contentLength() + " bytes, more than feeds.max-file-bytes");
            }
            byte[] bytes;
            try (var in = body.byteStream()) {
                bytes = in.readNBytes((int) maxBodyBytes + 1);
            }
            if (bytes.length > maxBodyBytes) {
                throw new IOException("body longer than feeds.max-file-bytes (" + maxBodyBytes + ")");
            }
            String name = url.pathSegments().isEmpty()
                    ? url.host()
                    : url.pathSegments().get(url.pathSize() - 1);
            sink.accept(new FeedFile(name.isBlank() ? url.toString() : name, bytes, clock.instant()));
            state.etag = response.header("ETag");
            state.lastModified = response.header("Last-Modified");
            return true;
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
