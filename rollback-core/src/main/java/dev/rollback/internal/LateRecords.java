package dev.rollback.internal;

/**
 * Records that reach a scope after it closed (semantics C4): a task of the scope was still running
 * when it closed, or a nested scope on another thread succeeded after it. They are never lost: a
 * record goes where the closed scope's own records went. From a scope that committed as NESTED
 * inside another, that is the enclosing scope, or, when that one has closed too, where its records
 * went, and so on outwards. From a scope that rolled back, the record's resource belongs to work
 * that failed, so the compensation runs at once, on the recording thread, and the listeners get its
 * outcome in a report of its own. From a scope that committed as outermost (or as
 * {@code REQUIRES_NEW}), it is dropped, like every record of such a scope.
 */
final class LateRecords {

    private LateRecords() {
    }

    /**
     * @param closed the scope the record was made in, closed for records
     * @param record the record
     * @return the scope that kept it, or {@code null} when it ran at once or was dropped
     * @throws dev.rollback.RollbackIncompleteException when it ran at once and failed
     */
    static Scope deliver(Scope closed, Record record) {
        Records one = new Records();
        one.add(record);
        return deliver(closed, one);
    }

    /**
     * @param closed  a scope closed for records
     * @param records what reached it; taken
     * @return the scope that kept them, or {@code null} when they ran at once or were dropped
     * @throws dev.rollback.RollbackIncompleteException when they ran at once and one failed
     */
    static Scope deliver(Scope closed, Records records) {
        for (Scope scope = closed; ; ) {
            if (!scope.settledAsCommitted()) {
                runNow(scope, records);
                return null;
            }
            if (!scope.keepsRecordsForParent()) {
                records.clear();
                return null;
            }
            scope = scope.parent;
            if (scope.adopt(records)) {
                return scope;
            }
        }
    }

    private static void runNow(Scope scope, Records records) {
        RuntimeException failure = Scopes.failureOf(scope,
                new RollbackRun(scope.operationId(), scope.name(), records, scope.policy().parallel(), null).execute());
        if (failure != null) {
            throw failure;
        }
    }
}
