package org.resultsdesk.feeds;

/**
 * The bundled local results format, written by {@link LocalResultsConverter} and read by {@link LocalBundledData}:
 * UTF-8, tab-separated, the first field a line's type in the results files, empty fields "not given by the source",
 * lines starting with # comments.
 *
 * <pre>
 * local-councils.tsv      council-code  name
 * localYYYY.tsv           W  ballot-id  ward-code  ward-name  council-code  seats  electorate  ballot-papers  turnout-%
 *                         K  party-code  party-name  given-name  family-name  votes  elected  incumbent
 * local-compositions.tsv  council-code  year  total-seats  Con=12,Lab=3,...  stated-control
 * local-councillors.tsv   council-code  ward-name  councillor-name  party-code  party-name  next-election
 * </pre>
 *
 * K lines belong to the W line above them; elected and incumbent are "Y" or empty. turnout-% is the percentage the
 * Library published (ballot papers over electorate in 2025; its own basis in earlier years). stated-control is Open
 * Council Data's own wording ("Con majority", "NOC"), kept for checking: control is computed from the seats.
 */
final class LocalBundledFormat {
    private LocalBundledFormat() {}
}
