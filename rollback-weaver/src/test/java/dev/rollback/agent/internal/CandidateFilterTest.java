package dev.rollback.agent.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateFilterTest {

    private static final ClassLoader APP = CandidateFilterTest.class.getClassLoader();

    private final CandidateFilter filter = new CandidateFilter(RuleSet.NONE,
            new Injector(null, ClassSource.ofClassPath(), new AgentLog(false)), new AgentLog(false));

    @Test
    void neverConsidersJdkClassesOrRollbacksOwnPackages() {
        for (String name : new String[] {"java/lang/String", "javax/sql/DataSource", "jdk/internal/misc/Unsafe",
                "sun/misc/Unsafe", "com/sun/proxy/Foo", "dev/rollback/Rollback", "dev/rollback/internal/Weaving",
                "dev/rollback/annotation/Compensate", "dev/rollback/aspectj/CompensateAspect",
                "dev/rollback/agent/shaded/net/bytebuddy/ByteBuddy", "org/aspectj/lang/JoinPoint", "org/slf4j/Logger"}) {
            assertThat(CandidateFilter.ignoredByName(name)).as(name).isTrue();
        }
    }

    @Test
    void considersUserPackagesThatStartWithRollbacksOwnName() throws IOException {
        assertThat(CandidateFilter.ignoredByName("dev/rollback/samples/Tabs")).isFalse();
        assertThat(filter.isCandidate(APP, "dev/rollback/samples/Tabs", bytes("dev/rollback/samples/Tabs"))).isTrue();
    }

    @Test
    void neverConsidersClassesOfTheBootstrapOrPlatformLoader() throws IOException {
        byte[] annotated = bytes("dev/rollback/samples/Tabs");
        assertThat(filter.isCandidate(null, "dev/rollback/samples/Tabs", annotated)).isFalse();
        assertThat(filter.isCandidate(ClassLoader.getPlatformClassLoader(), "dev/rollback/samples/Tabs", annotated)).isFalse();
    }

    @Test
    void passesOverClassesThatNeitherMentionTheAnnotationsNorAreNamedByARule() throws IOException {
        assertThat(filter.isCandidate(APP, "dev/rollback/samples/Counter", bytes("dev/rollback/samples/Counter"))).isFalse();
    }

    @Test
    void recognisesAClassAspectJWove() throws IOException {
        assertThat(ClassBytes.wovenByAjc(bytes("dev/rollback/aspectj/WithRollbackAspect"))).isTrue();
        assertThat(ClassBytes.wovenByAjc(bytes("dev/rollback/samples/Tabs"))).isFalse();
    }

    @Test
    void advisesACandidateSoThatItsMethodsCallTheDispatcher() throws IOException {
        byte[] original = bytes("dev/rollback/samples/leak/Throwaway");
        ClassLoader fresh = new ClassLoader(APP) {
        };

        byte[] advised = filter.transform(CandidateFilterTest.class.getModule(), fresh, "dev/rollback/samples/leak/Throwaway",
                null, null, original);

        assertThat(advised).isNotNull().isNotEqualTo(original);
        assertThat(ClassBytes.contains(advised, "dev/rollback/agent/internal/Dispatch".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isTrue();
    }

    @Test
    void decidesAndTransformsLoadingNoClassButTheEngineAndBridgeItLooksUpOncePerClassLoader() throws IOException {
        List<String> loaded = new ArrayList<>();
        ClassLoader recording = new ClassLoader(APP) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                loaded.add(name);
                return super.loadClass(name, resolve);
            }
        };

        byte[] advised = filter.transform(CandidateFilterTest.class.getModule(), recording,
                "dev/rollback/samples/leak/Throwaway", null, null, bytes("dev/rollback/samples/leak/Throwaway"));

        byte[] again = filter.transform(CandidateFilterTest.class.getModule(), recording,
                "dev/rollback/samples/Tabs", null, null, bytes("dev/rollback/samples/Tabs"));

        assertThat(advised).isNotNull();
        assertThat(again).isNotNull();
        // which engine the advice reaches through this loader, and whether the bridge to it is there: asked once
        assertThat(loaded).containsExactly("dev.rollback.internal.Weaving", "dev.rollback.agent.internal.Dispatch");
    }

    private static byte[] bytes(String internalName) throws IOException {
        try (InputStream in = APP.getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }
}
