package dev.rollback.annotation.processing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("C6 at compile time: @WithRollback on a method returning a Future that is not a CompletionStage is a compile error")
class WithRollbackProcessorTest {

    private static final String ORCHESTRATORS = """
            package p;

            import dev.rollback.annotation.WithRollback;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionStage;
            import java.util.concurrent.Future;
            import java.util.concurrent.FutureTask;

            public class Orchestrators {
                @WithRollback
                public CompletableFuture<String> future() { return null; }

                @WithRollback
                public CompletionStage<String> stage() { return null; }

                @WithRollback
                public String plain() { return null; }

                @WithRollback
                public Future<String> unobservable(int id) { return null; }

                @WithRollback
                public OwnStage own() { return null; }

                @SuppressWarnings("rollback")
                @WithRollback
                public FutureTask<String> suppressed() { return null; }

                public static class OwnStage extends CompletableFuture<String> { }
            }
            """;

    private static final String ON_THE_TYPE = """
            package p;

            import dev.rollback.annotation.WithRollback;
            import java.util.concurrent.FutureTask;

            @WithRollback
            public class OnTheType {
                public FutureTask<String> task() { return null; }

                FutureTask<String> notPublicSoNotAdvised() { return null; }
            }
            """;

    @TempDir
    Path output;

    @Test
    void refusesAFutureThatIsNotAStageAndAStageTypeOfItsOwnAcceptsTheRest() {
        Compilation compilation = Compilation.of(output, List.of(ORCHESTRATORS), Compilation.explicitProcessor());

        String accepted = " accepted return types for work that outlives the method: java.util.concurrent.CompletionStage"
                + " or java.util.concurrent.CompletableFuture";
        assertThat(compilation.errors()).extracting(Compilation.Reported::message).containsExactlyInAnyOrder(
                "@WithRollback on p.Orchestrators.unobservable(int) returns java.util.concurrent.Future, a Future whose"
                        + " completion cannot be observed, so the scope could neither commit nor roll back when the work"
                        + " ends;" + accepted,
                "@WithRollback on p.Orchestrators.own() returns p.Orchestrators$OwnStage, a CompletionStage the scope"
                        + " cannot hand its own future in place of;" + accepted);
    }

    @Test
    void checksThePublicMethodsOfAnAnnotatedType() {
        Compilation compilation = Compilation.of(output, List.of(ON_THE_TYPE), Compilation.explicitProcessor());

        assertThat(compilation.errors()).extracting(Compilation.Reported::message).singleElement().asString()
                .startsWith("@WithRollback on p.OnTheType.task() returns java.util.concurrent.FutureTask, a Future");
    }

    @Test
    void isOffWithTheProcessorOption() {
        Compilation compilation = Compilation.of(output, List.of(ORCHESTRATORS),
                Compilation.explicitProcessor("-Arollback.processor=off"));

        assertThat(compilation.errors()).isEmpty();
    }
}
