package dev.rollback.spi;

import dev.rollback.internal.Deferrals;

/**
 * Where a {@link SettlementPolicy} is installed. One policy at a time, for the whole JVM; without
 * one (the default) every outermost scope settles as it closes.
 */
public final class Settlements {

    private Settlements() {
    }

    /**
     * Installs the policy for the whole JVM.
     *
     * @param policy the policy; replaces the one installed before
     */
    public static void install(SettlementPolicy policy) {
        Deferrals.install(java.util.Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Removes the policy, if it is the one installed.
     *
     * @param policy the policy installed before
     * @return whether it was the one installed
     */
    public static boolean uninstall(SettlementPolicy policy) {
        return Deferrals.uninstall(policy);
    }
}
