package dev.rollback.durable.internal;

import java.util.Optional;

/**
 * What the journal knows of one step of an open scope.
 *
 * @param key    the step's key
 * @param intent the call, journaled before its body ran
 * @param status how far it got
 * @param result the encoded result when {@link Status#RECORDED} or compensated after a record;
 *               {@code null} otherwise
 * @param order  where its record was kept among all the records of its owner (higher: newer);
 *               {@code -1} when it has no record
 */
public record StepState(StepKey key, StepIntent intent, Status status, String result, long order) {

    /** How far a step got. */
    public enum Status {
        /** The intent was journaled; the call never returned (or its record was lost): D3 decides. */
        INTENDED,
        /** The call returned and its record was forced: its compensation is due. */
        RECORDED,
        /** Its compensation succeeded and that was journaled: it never runs again. */
        COMPENSATED
    }

    /** @return {@link StepKey#idempotencyKey()} */
    public String idempotencyKey() {
        return key.idempotencyKey();
    }

    /** @return whether the call returned and its record was forced */
    public boolean wasRecorded() {
        return order >= 0;
    }

    /** @return the encoded result, when the call's record was forced */
    public Optional<String> encodedResult() {
        return Optional.ofNullable(result);
    }

    StepState recorded(String encodedResult, long recordOrder) {
        return new StepState(key, intent, Status.RECORDED, encodedResult, recordOrder);
    }

    StepState compensated() {
        return new StepState(key, intent, Status.COMPENSATED, result, order);
    }
}
