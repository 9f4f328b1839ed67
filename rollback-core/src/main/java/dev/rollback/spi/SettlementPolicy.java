package dev.rollback.spi;

/**
 * Decides, as an outermost synchronous scope closes, whether it settles now or later. Rollback's
 * Spring integration defers the scopes that close inside an active transaction until the
 * transaction completes. Install one with {@link Settlements#install(SettlementPolicy)}.
 *
 * <p>It is asked on the thread that closes the scope, once per outermost scope, after the rollback
 * rules decided whether the scope rolls back ({@link Settlement#cause()} is then present). Scopes
 * that follow a future (semantics C5) settle when it completes and are not asked.
 */
@FunctionalInterface
public interface SettlementPolicy {

    /**
     * {@return {@code true} to take it: the engine then neither rolls it back nor forgets its records,
     * and this policy (or what it hands the settlement to) must settle it exactly once; {@code false}
     * to let the engine settle it now, as always}
     *
     * @param settlement the closed scope
     */
    boolean defer(Settlement settlement);
}
