package dev.rollback.internal;

import dev.rollback.annotation.Propagation;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class ScopePolicyTest {

    private static ScopePolicy policy(Class<?>[] rollbackFor, Class<?>[] noRollbackFor) {
        return ScopePolicy.of("p", rollbackFor, noRollbackFor, Propagation.NESTED);
    }

    @Test
    void anEmptyRollbackForMatchesEveryThrowable() {
        ScopePolicy policy = policy(new Class<?>[0], new Class<?>[0]);
        assertThat(policy.rollsBackOn(new Error())).isTrue();
        assertThat(policy.rollsBackOn(new IOException())).isTrue();
        assertThat(policy.rollsBackOn(new Throwable())).isTrue();
    }

    @Test
    void theCloserMatchWinsAndNoRollbackForWinsATie() {
        assertThat(policy(new Class<?>[] {FileSystemException.class}, new Class<?>[] {IOException.class})
                .rollsBackOn(new NoSuchFileException("x"))).isTrue();
        assertThat(policy(new Class<?>[] {IOException.class}, new Class<?>[] {FileSystemException.class})
                .rollsBackOn(new NoSuchFileException("x"))).isFalse();
        assertThat(policy(new Class<?>[] {IOException.class}, new Class<?>[] {IOException.class})
                .rollsBackOn(new NoSuchFileException("x"))).isFalse();
    }

    @Test
    void noRollbackForAloneStillRollsBackOnEverythingElse() {
        ScopePolicy policy = policy(new Class<?>[0], new Class<?>[] {FileNotFoundException.class});
        assertThat(policy.rollsBackOn(new FileNotFoundException())).isFalse();
        assertThat(policy.rollsBackOn(new IOException())).isTrue();
    }

    @Test
    void aThrowableOutsideRollbackForDoesNotRollBack() {
        assertThat(policy(new Class<?>[] {IOException.class}, new Class<?>[0]).rollsBackOn(new IllegalStateException()))
                .isFalse();
    }
}
