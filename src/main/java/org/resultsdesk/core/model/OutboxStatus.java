package org.resultsdesk.core.model;

/** Where an alert stands in the outbox, stored by name. The last four are the ways an alert is given up on. */
public enum OutboxStatus {
    /** Waiting for its turn (or its retry time). */
    PENDING,
    /** Claimed by a delivery pass under a token until the claim's lease runs out. */
    IN_FLIGHT,
    /** Posted: never sent again. */
    SENT,
    /** Could not be sent (or composed) after every attempt. */
    FAILED,
    /** The platform refused the message; sending the same again would not help. */
    REJECTED,
    /** The platform may have posted it: reported rather than repeated blindly. */
    UNCERTAIN,
    /** The channel cannot be posted to any more; it is paused. */
    CHANNEL_GONE;

    /** Whether delivery has given up on an alert in this state (what /status reports as failed). */
    public boolean givenUp() {
        return this != PENDING && this != IN_FLIGHT && this != SENT;
    }
}
