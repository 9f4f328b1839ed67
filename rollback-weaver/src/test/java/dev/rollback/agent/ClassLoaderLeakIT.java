package dev.rollback.agent;

import dev.rollback.samples.leak.LeakApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassLoaderLeakIT {

    private static final int LOADERS = 1_000;

    @Test
    void holdsNoStrongReferenceToTheThrowawayClassLoadersWhoseScopesItRolledBack() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().agent("").option("-Xmx256m").classpath(ForkedJvm.TEST_CLASSES)
                .quietLogging().run(LeakApp.class.getName(), String.valueOf(LOADERS));

        assertThat(result.stdout()).as("%s", result).hasSize(2);
        assertThat(result.stdout().get(0)).isEqualTo("compensated " + LOADERS);
        int collected = Integer.parseInt(result.stdout().get(1).split(" ")[1]);
        System.out.println("class loaders collected: " + collected + " of " + LOADERS);
        assertThat(collected).as("class loaders collected of %d", LOADERS).isGreaterThanOrEqualTo(LOADERS * 99 / 100);
    }
}
