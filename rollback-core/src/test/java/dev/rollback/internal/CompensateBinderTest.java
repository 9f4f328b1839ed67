package dev.rollback.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompensateBinderTest {

    @Test
    void acceptsAssignableReferenceTypes() {
        assertThat(CompensateBinder.accepts(CharSequence.class, String.class)).isTrue();
        assertThat(CompensateBinder.accepts(String.class, CharSequence.class)).isFalse();
    }

    @Test
    void acceptsBoxingAndUnboxingButNoPrimitiveWidening() {
        assertThat(CompensateBinder.accepts(Integer.class, int.class)).isTrue();
        assertThat(CompensateBinder.accepts(Object.class, int.class)).isTrue();
        assertThat(CompensateBinder.accepts(int.class, Integer.class)).isTrue();
        assertThat(CompensateBinder.accepts(long.class, int.class)).isFalse();
        assertThat(CompensateBinder.accepts(Long.class, int.class)).isFalse();
        assertThat(CompensateBinder.accepts(int.class, Object.class)).isFalse();
    }
}
