package org.resultsdesk.feeds;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.FeedRejected;
import org.resultsdesk.core.seats.CouncilDirectory;

/**
 * What a local feed names, as the local results know it: the council (by the ballot id's organisation slug or the
 * organisation's name, as {@code /council} finds it), the ward (by its ONS code, else by its slug within the council;
 * named as the feed names it; a code the data has never seen is a ward drawn since), and the party (by Democracy
 * Club's id, the name's canonical code, or the code the bundled results give that name). Using the archive's own
 * council, so a declaration is compared with the ward's earlier results on the same code.
 */
final class LocalFeedResolver {
    /** Democracy Club's party ids (the Electoral Commission's, "PP53", or the API's "party:53") by canonical code. */
    private static final Map<String, String> PARTY_IDS = Map.ofEntries(
            Map.entry("52", "Con"),
            Map.entry("53", "Lab"),
            Map.entry("90", "LD"),
            Map.entry("63", "Green"),
            Map.entry("7931", "RUK"),
            Map.entry("85", "UKIP"),
            Map.entry("77", "PC"),
            Map.entry("102", "SNP"),
            Map.entry("ynmp-party:2", "Ind"));

    private static final Map<String, String> PARTY_NAMES = Map.ofEntries(
            Map.entry("conservative and unionist party", "Con"),
            Map.entry("conservative party", "Con"),
            Map.entry("labour party", "Lab"),
            Map.entry("labour and co-operative party", "Lab"),
            Map.entry("liberal democrats", "LD"),
            Map.entry("green party", "Green"),
            Map.entry("reform uk", "RUK"),
            Map.entry("independent", "Ind"),
            Map.entry("uk independence party (ukip)", "UKIP"),
            Map.entry("plaid cymru - the party of wales", "PC"),
            // PA's local feed names parties shortly.
            Map.entry("conservative", "Con"),
            Map.entry("labour", "Lab"),
            Map.entry("liberal democrat", "LD"),
            Map.entry("green", "Green"),
            Map.entry("plaid cymru", "PC"),
            Map.entry("scottish national party", "SNP"),
            Map.entry("ukip", "UKIP"),
            Map.entry("others", Party.OTHERS_CODE));

    /** Democracy Club's id for a canonical party code ("PP53" for Lab), empty for a party it has no id for here. */
    static String democracyClubId(String code) {
        return PARTY_IDS.entrySet().stream()
                .filter(e -> e.getValue().equals(code))
                .map(e -> e.getKey().startsWith("ynmp") ? e.getKey() : "PP" + e.getKey())
                .findFirst()
                .orElse("");
    }

    private final Supplier<LocalArchive> archive;
    private volatile Map<String, String> bundledCodes;

    LocalFeedResolver(Supplier<LocalArchive> archive) {
        this.archive = archive;
    }

    Council council(String ballot, String organisationSlug, String organisationName) throws FeedRejected {
        LocalArchive a = archive.get();
        Optional<Council> bySlug = a.councils().stream()
                .filter(c -> c.slug().equals(organisationSlug))
                .findFirst();
        if (bySlug.isPresent()) {
            return bySlug.get();
        }
        for (String name : List.of(organisationName, organisationSlug.replace('-', ' '))) {
            if (!name.isBlank()
                    && new CouncilDirectory(a.councils()).find(name) instanceof CouncilDirectory.Match.Found found) {
                return found.council();
            }
        }
        throw new FeedRejected(ballot + ": unknown council " + organisationSlug);
    }

    /** The ward by code within the council, else by the ballot id's ward slug; a new code is a new ward. */
    Ward ward(String ballot, Council council, String onsCode, String name, String wardSlug) throws FeedRejected {
        LocalArchive a = archive.get();
        if (!onsCode.isBlank()) {
            // The feed's spelling of the name (the newest); the code and council are what results are compared on.
            Optional<Ward> known = a.contestsOn(onsCode).stream()
                    .map(LocalContest::ward)
                    .filter(w -> w.council().equals(council))
                    .findFirst();
            String shown = !name.isBlank() ? name : known.map(Ward::name).orElse(wardSlug);
            try {
                return new Ward(onsCode, shown, council);
            } catch (IllegalArgumentException e) {
                throw new FeedRejected(ballot + ": " + e.getMessage());
            }
        }
        return a.wards().stream()
                .filter(w -> w.council().equals(council) && w.name() != null)
                .filter(w -> org.resultsdesk.core.model.BallotId.slug(w.name()).equals(wardSlug))
                .findFirst()
                .orElseThrow(() -> new FeedRejected(ballot + ": no ward code given and no ward " + wardSlug + " of "
                        + council.name() + " on file"));
    }

    Party party(String id, String name) {
        String n = name.strip();
        String key = id.strip().replaceFirst("^(PP|party:)", "");
        String code = PARTY_IDS.get(key);
        if (code == null) {
            code = PARTY_NAMES.get(n.toLowerCase(Locale.ROOT));
        }
        if (code == null) {
            code = bundledCodes().get(n.toLowerCase(Locale.ROOT));
        }
        if (code == null) {
            code = n.isBlank() ? "Ind" : n;
        }
        return new Party(code, n.isBlank() ? "Independent" : n);
    }

    /**
     * The codes the bundled results give party names (a rehearsal's plan included), so a rehearsal's parties are the
     * bundled data's and compare with earlier results.
     */
    private Map<String, String> bundledCodes() {
        Map<String, String> codes = bundledCodes;
        if (codes == null) {
            Map<String, String> built = new HashMap<>();
            LocalArchive onFile =
                    archive instanceof org.resultsdesk.core.model.LiveLocalArchive live ? live.onFile() : archive.get();
            for (LocalContest c : onFile.contests()) {
                for (LocalCandidacy k : c.candidates()) {
                    built.putIfAbsent(
                            k.party().name().toLowerCase(Locale.ROOT), k.party().code());
                }
            }
            bundledCodes = codes = Map.copyOf(built);
        }
        return codes;
    }
}
