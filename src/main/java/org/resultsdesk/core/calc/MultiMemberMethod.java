package org.resultsdesk.core.calc;

/**
 * How a party's share is counted in a ward that elects more than one member, where each voter has several votes and
 * a party fields several candidates (DESIGN.md §3a). Named on every result that uses it; chosen by the setting
 * {@code local.multi-member-method} (docs/local-elections.md).
 */
public enum MultiMemberMethod {
    /** Each party's best-placed candidate: the usual basis when a by-election is compared with a full election. */
    TOP_CANDIDATE("each party's top candidate"),
    /** The mean vote of each party's candidates. */
    AVERAGE("the average of each party's candidates");

    private final String description;

    MultiMemberMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
