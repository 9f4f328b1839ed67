package dev.rollback.spring.boot;

import dev.rollback.spi.Settlements;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/** Installs the {@link TransactionSettlementPolicy} while the context runs. */
final class TransactionAwareScopes implements InitializingBean, DisposableBean {

    private final TransactionSettlementPolicy policy = new TransactionSettlementPolicy();

    @Override
    public void afterPropertiesSet() {
        Settlements.install(policy);
    }

    @Override
    public void destroy() {
        Settlements.uninstall(policy);
    }
}
