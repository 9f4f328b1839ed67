package dev.rollback.spring.boot;

import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackReport;
import dev.rollback.spi.Settlement;
import dev.rollback.spi.SettlementPolicy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands an outermost scope that closes inside an active Spring transaction to that transaction: it is
 * settled in {@code afterCompletion}, once the transaction has committed or rolled back, outside it
 * (the transaction's resources are unbound from the thread while the compensations run, so that
 * their data access commits on its own instead of joining a transaction that is over).
 *
 * <ul>
 * <li>the transaction rolled back (also when its commit failed, or its outcome is unknown): the scope
 *     rolls back, whether it succeeded or failed;</li>
 * <li>the transaction committed: a scope that succeeded is forgotten, one that failed rolls back (a
 *     checked exception Spring commits on).</li>
 * </ul>
 *
 * An incomplete rollback gets its {@link RollbackIncompleteException} attached, suppressed, to the
 * throwable that left the scope, which is still on its way to the caller; without one (a commit that
 * failed), listeners, logs and the endpoint report it.
 */
final class TransactionSettlementPolicy implements SettlementPolicy {

    @Override
    public boolean defer(Settlement settlement) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new SettleAfterCompletion(settlement));
        return true;
    }

    private static final class SettleAfterCompletion implements TransactionSynchronization {
        private final Settlement settlement;

        SettleAfterCompletion(Settlement settlement) {
            this.settlement = settlement;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !settlement.rollsBack()) {
                settlement.forget();
                return;
            }
            RollbackReport report = outsideTheTransaction(settlement);
            if (!report.isComplete() && settlement.cause().isPresent()) {
                settlement.cause().get().addSuppressed(new RollbackIncompleteException(report));
            }
        }

        /** Runs the rollback with the transaction's resources taken off the thread, and puts them back. */
        private static RollbackReport outsideTheTransaction(Settlement settlement) {
            Map<Object, Object> resources = new LinkedHashMap<>(TransactionSynchronizationManager.getResourceMap());
            resources.keySet().forEach(TransactionSynchronizationManager::unbindResource);
            try {
                return settlement.rollBack();
            } finally {
                resources.forEach(TransactionSynchronizationManager::bindResource);
            }
        }

        @Override
        public String toString() {
            return "settlement of " + settlement + " after the transaction";
        }
    }
}
