package org.resultsdesk.feeds;

/**
 * The bundled results format: UTF-8, tab-separated, one record a line, the first field its type.
 *
 * <pre>
 * E  election-id  kind  date  changes-against
 * C  election-id  gss  name  region  country  electorate  valid  invalid  declared-at  stated-majority  stated-result
 * K  party-code  party-name  given-name  family-name  votes  stated-change  sitting-mp  former-mp
 * </pre>
 *
 * K lines belong to the C line above them. changes-against names the result the published stated-change
 * figures are measured against ("2017" for GE2019). Empty fields mean "not given by the source". stated-* fields are what
 * the Commons Library published, kept so the loader can check its own arithmetic against them and, for 2019, so the
 * 2017 comparison can be derived from the published changes. sitting-mp and former-mp are "Y" or empty (the Library's
 * "Sitting MP" and "Former MP" columns). Trailing empty fields may be left off. Lines starting with # are comments.
 */
final class BundledFormat {
    static final String SEPARATOR = "\t";

    private BundledFormat() {}

    /** The most fields a record has (a C line). */
    static final int MAX_FIELDS = 12;

    /** A line's fields, with those left off at the end read as empty. */
    static String[] fields(String line) {
        String[] given = line.split(SEPARATOR, -1);
        if (given.length >= MAX_FIELDS) {
            return given;
        }
        String[] all = java.util.Arrays.copyOf(given, MAX_FIELDS);
        java.util.Arrays.fill(all, given.length, MAX_FIELDS, "");
        return all;
    }

    static String clean(String field) {
        return field == null
                ? ""
                : field.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }
}
