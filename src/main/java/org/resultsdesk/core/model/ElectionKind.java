package org.resultsdesk.core.model;

public enum ElectionKind {
    GENERAL,
    BY_ELECTION,
    /** A previous result recalculated on new boundaries; a comparison baseline, never declared. */
    NOTIONAL
}
