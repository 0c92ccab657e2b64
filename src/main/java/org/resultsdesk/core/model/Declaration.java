package org.resultsdesk.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A result or rush as it came off a feed and was accepted: the message, which file it came from and when.
 * {@code contestId} is the contest it declares ("parl.2024-07-04/E14001455", or a local ballot id).
 */
public record Declaration(
        String contestId, Stage stage, int revision, FeedMessage message, String source, Instant receivedAt) {
    public enum Stage {
        RUSH,
        RESULT
    }

    public Declaration {
        Objects.requireNonNull(contestId);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(message);
        Objects.requireNonNull(source);
        Objects.requireNonNull(receivedAt);
    }

    public static Declaration of(FeedMessage.Result result, String source, Instant receivedAt) {
        return new Declaration(result.contest().id(), Stage.RESULT, result.revision(), result, source, receivedAt);
    }

    /** A local result's contest id is its ballot id ("local.kent.birchington-rural.2025-05-01"). */
    public static Declaration of(FeedMessage.LocalResult result, String source, Instant receivedAt) {
        return new Declaration(result.contest().id(), Stage.RESULT, result.revision(), result, source, receivedAt);
    }

    public static Declaration of(FeedMessage.Rush rush, String source, Instant receivedAt) {
        return new Declaration(
                rush.election().id() + "/" + rush.seat().gss(), Stage.RUSH, rush.revision(), rush, source, receivedAt);
    }
}
