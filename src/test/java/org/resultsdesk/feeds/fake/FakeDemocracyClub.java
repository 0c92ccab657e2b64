package org.resultsdesk.feeds.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Democracy Club's candidates API ({@code /api/next/results/} and {@code /api/next/ballots/}) as its published
 * serializers shape it, in process, for the tests: results and ballots are what the test enters; each result keeps
 * the time it was last modified (the test's clock) and its earlier versions; lists are paged ({@link #pageSize} a
 * page, {@code next} links with {@code page=}), results filtered by {@code election_date} and by {@code last_updated}
 * (strictly after, as the API's filter is), ballots by {@code election_date_range_after/before}. The next requests can
 * be made to fail: a 500, a page slower than any client waits, malformed JSON, an absurd page, a link to another site.
 */
public final class FakeDemocracyClub implements AutoCloseable {
    public enum Failure {
        SERVER_ERROR,
        SLOW,
        MALFORMED_JSON,
        ABSURD_PAGE,
        FOREIGN_NEXT
    }

    /** A candidate as the test enters it; {@code votes} null for "not yet entered". */
    public record Candidate(String name, String ecId, String partyName, Integer votes, boolean elected) {}

    /** A ballot as listed: its post (ONS code and label), seats and candidates. */
    public record Ballot(String id, String gss, String label, int seats, List<Candidate> candidates) {
        public LocalDate date() {
            return LocalDate.parse(id.substring(id.lastIndexOf('.') + 1));
        }
    }

    /** One version of a result: the figures as entered, and the fields the API may leave null. */
    public record Result(
            List<Candidate> candidates,
            Integer electorate,
            Integer ballotPapers,
            Double turnout,
            Integer spoilt,
            boolean olderWinnerFlag) {}

    private record Entered(Result result, Instant modified) {}

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final Map<String, Ballot> ballots = new LinkedHashMap<>();
    private final Map<String, List<Entered>> results = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<Integer, Failure> failOnPage = new LinkedHashMap<>();
    private final List<HttpUrl> requests = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 2;

    public FakeDemocracyClub(Clock clock) throws IOException {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start();
    }

    /** The base URL to configure: {@code http://127.0.0.1:port/api/next/}. */
    public String baseUrl() {
        return server.url("/api/next/").toString();
    }

    public synchronized void pageSize(int size) {
        this.pageSize = size;
    }

    public synchronized void list(Ballot ballot) {
        ballots.put(ballot.id(), ballot);
    }

    /** Enters (or corrects: a later version) a ballot's result, modified now by the test's clock. */
    public synchronized void enter(String ballotId, Result result) {
        results.computeIfAbsent(ballotId, k -> new ArrayList<>()).add(new Entered(result, clock.instant()));
    }

    /** The versions of a ballot's result, oldest first: what the API's versions log records. */
    public synchronized int versions(String ballotId) {
        return results.getOrDefault(ballotId, List.of()).size();
    }

    /** The next requests, one failure each. */
    public synchronized void failNext(Failure... next) {
        failures.addAll(List.of(next));
    }

    /** The next request for a given page number (2 and on) fails once. */
    public synchronized void failOnPage(int page, Failure failure) {
        failOnPage.put(page, failure);
    }

    public List<HttpUrl> requests() {
        return List.copyOf(requests);
    }

    private synchronized MockResponse handle(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        requests.add(url);
        int page = url.queryParameter("page") == null ? 1 : Integer.parseInt(url.queryParameter("page"));
        Failure failure = failures.poll();
        if (failure == null) {
            failure = failOnPage.remove(page);
        }
        List<ObjectNode> items;
        String path = url.encodedPath();
        if (path.endsWith("/results/")) {
            items = resultsFor(url);
        } else if (path.endsWith("/ballots/")) {
            items = ballotsFor(url);
        } else {
            return new MockResponse.Builder()
                    .code(404)
                    .body("{\"detail\":\"Not found.\"}")
                    .build();
        }
        if (failure != null) {
            MockResponse injected = fail(failure, url);
            if (injected != null) {
                return injected;
            }
        }
        int size = Math.min(pageSize, 200);
        int from = (page - 1) * size;
        ObjectNode body = json.createObjectNode();
        body.put("count", items.size());
        body.put(
                "next",
                from + size < items.size()
                        ? url.newBuilder()
                                .setQueryParameter("page", String.valueOf(page + 1))
                                .build()
                                .toString()
                        : null);
        body.put(
                "previous",
                page > 1
                        ? url.newBuilder()
                                .setQueryParameter("page", String.valueOf(page - 1))
                                .build()
                                .toString()
                        : null);
        ArrayNode list = body.putArray("results");
        items.subList(Math.min(from, items.size()), Math.min(from + size, items.size()))
                .forEach(list::add);
        if (failure == Failure.FOREIGN_NEXT) {
            body.put("next", "https://elsewhere.example/api/next/results/?page=2");
        }
        return ok(body.toString());
    }

    private MockResponse fail(Failure failure, HttpUrl url) {
        return switch (failure) {
            case SERVER_ERROR ->
                new MockResponse.Builder()
                        .code(500)
                        .body("<h1>Server Error (500)</h1>")
                        .build();
            case SLOW ->
                new MockResponse.Builder()
                        .headersDelay(5, TimeUnit.SECONDS)
                        .body("{}")
                        .build();
            case MALFORMED_JSON -> ok("{\"count\": 3, \"next\": null, \"results\": [{\"ballot\": ");
            case ABSURD_PAGE -> {
                StringBuilder absurd = new StringBuilder("{\"count\":100000,\"next\":null,\"results\":[");
                for (int i = 0; i < 100_000; i++) {
                    absurd.append(i == 0 ? "" : ",").append("{}");
                }
                yield ok(absurd.append("]}").toString());
            }
            case FOREIGN_NEXT -> null;
        };
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private List<ObjectNode> resultsFor(HttpUrl url) {
        String day = url.queryParameter("election_date");
        String since = url.queryParameter("last_updated");
        Instant after =
                since == null ? Instant.MIN : OffsetDateTime.parse(since).toInstant();
        List<ObjectNode> out = new ArrayList<>();
        results.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Ballot ballot = ballots.get(e.getKey());
            Entered latest = e.getValue().get(e.getValue().size() - 1);
            if ((day == null || ballot.date().toString().equals(day))
                    && latest.modified().isAfter(after)) {
                out.add(resultJson(ballot, latest.result()));
            }
        });
        return out;
    }

    private List<ObjectNode> ballotsFor(HttpUrl url) {
        LocalDate after = LocalDate.parse(url.queryParameter("election_date_range_after"));
        LocalDate before = LocalDate.parse(url.queryParameter("election_date_range_before"));
        return ballots.values().stream()
                .filter(b -> !b.date().isBefore(after) && !b.date().isAfter(before))
                .sorted(Comparator.comparing(Ballot::date).reversed().thenComparing(Ballot::id))
                .map(this::ballotJson)
                .toList();
    }

    /** Shaped as the API's ResultSerializer: ballot, candidate_results (person, party, num_ballots, elected), etc. */
    private ObjectNode resultJson(Ballot ballot, Result r) {
        ObjectNode set = json.createObjectNode();
        set.put("url", server.url("/api/next/results/" + ballot.id() + "/").toString());
        putNullable(set, "num_turnout_reported", r.ballotPapers());
        if (r.turnout() == null) {
            set.putNull("turnout_percentage");
        } else {
            set.put("turnout_percentage", r.turnout());
        }
        putNullable(set, "num_spoilt_ballots", r.spoilt());
        set.put("source", "Council website");
        ObjectNode b = set.putObject("ballot");
        b.put("url", server.url("/api/next/ballots/" + ballot.id() + "/").toString());
        b.put("ballot_paper_id", ballot.id());
        ArrayNode list = set.putArray("candidate_results");
        int person = 1000;
        for (Candidate c : r.candidates()) {
            ObjectNode cr = list.addObject();
            ObjectNode p = cr.putObject("person");
            p.put("id", person++);
            p.put("name", c.name());
            cr.set("party", party(c));
            cr.putNull("party_list_position");
            putNullable(cr, "num_ballots", c.votes());
            cr.put(r.olderWinnerFlag() ? "is_winner" : "elected", c.elected());
        }
        putNullable(set, "total_electorate", r.electorate());
        return set;
    }

    /** Shaped as the API's BallotSerializer: election, post, winner_count, cancelled, candidacies. */
    private ObjectNode ballotJson(Ballot ballot) {
        ObjectNode b = json.createObjectNode();
        b.put("url", server.url("/api/next/ballots/" + ballot.id() + "/").toString());
        b.put("ballot_paper_id", ballot.id());
        ObjectNode election = b.putObject("election");
        String group = ballot.id().substring(0, ballot.id().indexOf(".by.")).replaceFirst("\\.[^.]+$", "");
        election.put("election_id", group + "." + ballot.date());
        election.put("name", "Local by-election");
        election.put("election_date", ballot.date().toString());
        ObjectNode post = b.putObject("post");
        post.put("id", "gss:" + ballot.gss());
        post.put("label", ballot.label());
        post.put("slug", ballot.id().split("\\.")[2]);
        b.put("winner_count", ballot.seats());
        b.put("cancelled", false);
        b.put("candidates_locked", true);
        ArrayNode candidacies = b.putArray("candidacies");
        int person = 1000;
        for (Candidate c : ballot.candidates()) {
            ObjectNode m = candidacies.addObject();
            m.put("elected", (Boolean) null);
            m.set("party", party(c));
            m.put("party_name", c.partyName());
            ObjectNode p = m.putObject("person");
            p.put("id", person++);
            p.put("name", c.name());
            m.putNull("result");
        }
        b.put("last_updated", clock.instant().toString());
        return b;
    }

    private ObjectNode party(Candidate c) {
        ObjectNode party = json.createObjectNode();
        party.put("url", server.url("/api/next/parties/" + c.ecId() + "/").toString());
        party.put("ec_id", c.ecId());
        party.put("name", c.partyName());
        party.put("legacy_slug", c.ecId().startsWith("PP") ? "party:" + c.ecId().substring(2) : c.ecId());
        return party;
    }

    private static void putNullable(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
