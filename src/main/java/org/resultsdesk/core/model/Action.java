package org.resultsdesk.core.model;

/** Something only some people may do: the right it needs, how a refusal names it, and how the audit names it. */
public enum Action {
    SUBSCRIBE(Right.CHANNEL, "change what this chat follows", "subscribed"),
    UNSUBSCRIBE(Right.CHANNEL, "change what this chat follows", "unsubscribed"),
    CARDS(Right.CHANNEL, "change how this chat's alerts look", "set cards"),
    WATCH(Right.CHANNEL, "change this chat's watch list", "watched"),
    UNWATCH(Right.CHANNEL, "change this chat's watch list", "unwatched"),
    APPROVE(Right.DESK, "approve quotes", "approved"),
    REJECT(Right.DESK, "reject quotes", "rejected"),
    RETRACT(Right.DESK, "retract quotes", "retracted"),
    APPROVAL_SWITCH(Right.DESK, "turn quote approval on or off", "set approval"),
    PENDING(Right.DESK, "see the quotes waiting for approval", "listed pending quotes"),
    STATUS(Right.DESK, "see the desk's status", "asked for status"),
    AUDIT(Right.DESK, "see the audit trail", "asked for the audit"),
    DEFENDING(Right.DESK, "set who defends a by-election", "set the defending party"),
    SUMMARY_SCHEDULE(Right.DESK, "schedule the by-election summary", "scheduled the by-election summary");

    private final Right right;
    private final String refusal;
    private final String done;

    Action(Right right, String refusal, String done) {
        this.right = right;
        this.refusal = refusal;
        this.done = done;
    }

    public Right right() {
        return right;
    }

    /** "approve quotes", as in "Only the desk's editors can approve quotes". */
    public String refusalPhrase() {
        return refusal;
    }

    /** "approved", as the audit says it. */
    public String pastTense() {
        return done;
    }
}
