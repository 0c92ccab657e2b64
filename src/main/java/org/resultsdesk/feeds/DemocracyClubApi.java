package org.resultsdesk.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.DueBallot;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.FeedRejected;

/**
 * Democracy Club's candidates API ({@code /api/next/}): the results entered for a polling day since a time
 * ({@code results/?election_date=...&last_updated=...}), and the council ballots due in a span of days with their
 * candidates ({@code ballots/?election_date_range_after=...&election_date_range_before=...}). Lists are paged: each
 * {@code next} link is followed, on the same host only, up to {@link Limits#maxPages} pages. A page that cannot be
 * had (an HTTP error, a time-out, a body over {@link Limits#maxBodyBytes}, malformed JSON, more than
 * {@link Limits#maxItemsPerPage} items) fails the whole read with a {@link Unavailable}, so that the caller keeps its
 * place and tries again. A result set whose content is bad is not a failed read: it is refused alone, named in
 * {@link Results#refused()}. Data from Democracy Club, CC BY 4.0.
 */
public final class DemocracyClubApi {
    /** A read that could not be completed; nothing of it should move the caller's place. */
    public static final class Unavailable extends IOException {
        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What one read may fetch: pages followed, bytes a page, items a page. */
    public record Limits(int maxPages, long maxBodyBytes, int maxItemsPerPage) {
        public static final Limits DEFAULTS = new Limits(50, 5L * 1024 * 1024, 500);

        public Limits {
            if (maxPages < 1 || maxBodyBytes < 1 || maxItemsPerPage < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /**
     * The results read: local results ready for the ingest, ballots refused (with the reason), and ballots whose
     * winners are marked before their votes are entered (rushes).
     */
    public record Results(List<FeedMessage> messages, List<String> refused, List<String> rushes, List<String> notes) {
        public Results {
            messages = List.copyOf(messages);
            refused = List.copyOf(refused);
            rushes = List.copyOf(rushes);
            notes = List.copyOf(notes);
        }
    }

    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final OkHttpClient client;
    private final HttpUrl base;
    private final Optional<String> apiKey;
    private final Limits limits;
    private final LocalFeedResolver resolver;
    private final DemocracyClubResultSets resultSets;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param shared  the application's one OkHttp client; this API gets its own time-out on top of it
     * @param base    e.g. {@code https://candidates.democracyclub.org.uk/api/next/}
     * @param timeout for each request, whole (connect, send, wait, read)
     */
    public DemocracyClubApi(
            OkHttpClient shared,
            HttpUrl base,
            Optional<String> apiKey,
            Duration timeout,
            Limits limits,
            Supplier<LocalArchive> local) {
        this.client = shared.newBuilder().callTimeout(timeout).build();
        this.base = base.newBuilder().build();
        this.apiKey = Objects.requireNonNull(apiKey).filter(k -> !k.isBlank());
        this.limits = limits;
        this.resolver = new LocalFeedResolver(local);
        this.resultSets = new DemocracyClubResultSets(resolver);
    }

    /**
     * The council results for a polling day entered or changed after {@code since} (all of them without one). A
     * result's ward is its ballot's in {@code due} where listed there (the results carry no post), else found by the
     * ballot id's slug among the wards on file.
     */
    public Results results(LocalDate day, Optional<Instant> since, List<DueBallot> due) throws Unavailable {
        HttpUrl.Builder url = base.newBuilder()
                .addPathSegment("results")
                .addPathSegment("")
                .addQueryParameter("election_date", day.toString())
                .addQueryParameter("page_size", "200");
        since.ifPresent(t -> url.addQueryParameter("last_updated", LAST_UPDATED.format(t.atOffset(ZoneOffset.UTC))));
        List<FeedMessage> messages = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> rushes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode set : readAll(url.build())) {
            String id = set.path("ballot")
                    .path("ballot_paper_id")
                    .asText(set.path("ballot_paper_id").asText(""));
            if (!id.startsWith("local.")) {
                continue;
            }
            if (DemocracyClubResultSets.isRush(set)) {
                rushes.add(id);
                continue;
            }
            Optional<DueBallot> listed =
                    due.stream().filter(b -> b.ballot().toString().equals(id)).findFirst();
            try {
                DemocracyClubResultSets.Read read = resultSets.localResult(
                        id,
                        set,
                        listed.map(b -> b.ward().onsCode()).orElse(""),
                        listed.map(b -> b.ward().name()).orElse(""));
                int elected = read.result().contest().seats();
                if (listed.isPresent() && elected != listed.get().seats()) {
                    int seats = listed.get().seats();
                    refused.add(id + ": " + elected + " elected for " + seats + " seat" + (seats == 1 ? "" : "s"));
                    continue;
                }
                messages.add(read.result());
                if (read.turnout() == DemocracyClubResultSets.TurnoutBasis.SUM_OF_VOTES) {
                    notes.add(id + ": no turnout or ballot papers given; turnout from the votes cast");
                }
            } catch (FeedRejected | RuntimeException e) {
                refused.add(id + ": " + e.getMessage());
            }
        }
        return new Results(messages, refused, rushes, notes);
    }

    /** The council ballots polling from {@code from} to {@code to}, with their candidates; cancelled ones left out. */
    public List<DueBallot> ballots(LocalDate from, LocalDate to, List<String> refused) throws Unavailable {
        HttpUrl url = base.newBuilder()
                .addPathSegment("ballots")
                .addPathSegment("")
                .addQueryParameter("election_date_range_after", from.toString())
                .addQueryParameter("election_date_range_before", to.toString())
                .addQueryParameter("page_size", "200")
                .build();
        List<DueBallot> due = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode b : readAll(url)) {
            String id = b.path("ballot_paper_id").asText("");
            Optional<BallotId> ballot = BallotId.parse(id);
            if (ballot.isEmpty() || b.path("cancelled").asBoolean(false) || !seen.add(id)) {
                continue;
            }
            try {
                Council council = resolver.council(id, ballot.get().organisation(), "");
                String postId = b.path("post").path("id").asText("");
                String code = postId.contains(":") ? postId.substring(postId.indexOf(':') + 1) : postId;
                Ward ward = resolver.ward(
                        id,
                        council,
                        code.matches("[ENSW]\\d{8}") ? code : "",
                        b.path("post").path("label").asText(""),
                        ballot.get().ward());
                List<DueBallot.Nominee> nominees = new ArrayList<>();
                for (JsonNode c : b.path("candidacies")) {
                    JsonNode party = c.path("party");
                    nominees.add(new DueBallot.Nominee(
                            c.path("person").path("name").asText("").strip(),
                            resolver.party(
                                    party.path("ec_id").asText(""),
                                    party.path("name")
                                            .asText(c.path("party_name").asText("")))));
                }
                due.add(new DueBallot(
                        ballot.get(), ward, Math.max(1, b.path("winner_count").asInt(1)), nominees));
            } catch (FeedRejected | RuntimeException e) {
                refused.add(id + ": " + e.getMessage());
            }
        }
        return due;
    }

    /** Every item of a paged list, following {@code next} on the same host, page by page. */
    private List<JsonNode> readAll(HttpUrl first) throws Unavailable {
        List<JsonNode> items = new ArrayList<>();
        Set<HttpUrl> visited = new HashSet<>();
        HttpUrl url = first;
        for (int page = 1; url != null; page++) {
            if (page > limits.maxPages()) {
                throw new Unavailable("more than " + limits.maxPages() + " pages from " + redacted(first));
            }
            if (!visited.add(url)) {
                throw new Unavailable("page " + redacted(url) + " links back to itself");
            }
            JsonNode root = page(url);
            JsonNode results = root.path("results");
            if (!results.isArray()) {
                throw new Unavailable("page " + redacted(url) + " has no results list");
            }
            if (results.size() > limits.maxItemsPerPage()) {
                throw new Unavailable("page " + redacted(url) + " lists " + results.size() + " items, more than "
                        + limits.maxItemsPerPage() + " a page");
            }
            results.forEach(items::add);
            url = next(root, url);
        }
        return items;
    }

    private HttpUrl next(JsonNode root, HttpUrl current) throws Unavailable {
        JsonNode next = root.path("next");
        if (next.isMissingNode() || next.isNull() || next.asText("").isBlank()) {
            return null;
        }
        HttpUrl url = current.resolve(next.asText());
        if (url == null || !url.host().equals(base.host()) || url.port() != base.port()) {
            throw new Unavailable("page " + redacted(current) + " links to another site: " + next.asText());
        }
        return url;
    }

    private JsonNode page(HttpUrl url) throws Unavailable {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
        apiKey.ifPresent(k -> request.header("Authorization", "Token " + k));
        try (Response response = client.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new Unavailable("HTTP " + response.code() + " from " + redacted(url));
            }
            ResponseBody body = response.body();
            if (body.contentLength() > limits.maxBodyBytes()) {
                throw new Unavailable("page " + redacted(url) + " of " + body.contentLength() + " bytes, more than "
                        + limits.maxBodyBytes());
            }
            byte[] bytes;
            try (var in = body.byteStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
            }
            if (bytes.length > limits.maxBodyBytes()) {
                throw new Unavailable("page " + redacted(url) + " longer than " + limits.maxBodyBytes() + " bytes");
            }
            try {
                return mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new Unavailable("malformed JSON from " + redacted(url) + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        } catch (Unavailable e) {
            throw e;
        } catch (IOException e) {
            throw new Unavailable(
                    e.getClass().getSimpleName() + " reading " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    /** The URL as logged: path and query, never a key (keys travel in a header, but a next link might echo one). */
    private static String redacted(HttpUrl url) {
        return url.newBuilder().removeAllQueryParameters("auth_token").build().encodedPath()
                + Optional.ofNullable(url.newBuilder()
                                .removeAllQueryParameters("auth_token")
                                .build()
                                .encodedQuery())
                        .map(q -> "?" + q)
                        .orElse("");
    }
}
