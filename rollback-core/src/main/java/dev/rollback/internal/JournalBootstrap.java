package dev.rollback.internal;

/**
 * Installs the journal that {@code -Drollback.journal=DIR} names; found by
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.rollback.internal.JournalBootstrap}).
 * Implemented by {@code rollback-durable}; not API.
 */
public interface JournalBootstrap {

    /**
     * Installs a file journal on {@code directory} and recovers what dead processes left in it.
     *
     * @param directory the property's value
     */
    void start(String directory);
}
