package dev.rollback.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Transaction-aware scopes: an outermost scope that closes inside an active Spring transaction is
 * settled when the transaction completes (see {@link TransactionSettlementPolicy}).
 */
@AutoConfiguration
@ConditionalOnClass(TransactionSynchronizationManager.class)
@ConditionalOnProperty(prefix = "rollback.transactions", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RollbackTransactionAutoConfiguration {

    /** Creates it; Spring or the application calls this. */
    public RollbackTransactionAutoConfiguration() {
        // nothing to set up: every field has its initial value
    }

    @Bean
    TransactionAwareScopes rollbackTransactionAwareScopes() {
        return new TransactionAwareScopes();
    }
}
