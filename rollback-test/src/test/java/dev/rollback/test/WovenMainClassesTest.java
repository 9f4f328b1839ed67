package dev.rollback.test;

import dev.rollback.aspectj.CompensateAspect;
import dev.rollback.test.internal.Tap;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.MessageHandler;
import org.aspectj.tools.ajc.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the test-kit guide's Maven snippet does to an application: its main classes, already woven
 * with Rollback's aspects by the main compile, are woven again at test-compile time with the kit's
 * tap added, into the test output. The kit then sees their calls, and each is compensated once.
 */
@DisplayName("Main classes woven again with the kit at test-compile time: the injector sees their calls")
class WovenMainClassesTest {

    private static final String ORDERS = """
            package shop;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.WithRollback;
            import java.util.ArrayList;
            import java.util.List;

            public class Orders {
                public static final List<String> BOOKED = new ArrayList<>();

                @WithRollback("order")
                public void order(String item) {
                    reserve(item);
                    reserve(item + "-gift-wrap");
                }

                @Compensate("release")
                public String reserve(String item) {
                    BOOKED.add(item);
                    return item;
                }

                private void release(String item) {
                    BOOKED.remove(item);
                }
            }
            """;

    @Test
    void injectsAFailureAfterEachCallOfAMainClassWovenAgainWithTheKit(@TempDir Path work) throws Exception {
        Path source = Files.createDirectories(work.resolve("src/shop")).resolve("Orders.java");
        Files.writeString(source, ORDERS);
        Path main = Files.createDirectories(work.resolve("classes"));
        Path test = Files.createDirectories(work.resolve("test-classes"));
        String weaver = location(CompensateAspect.class);
        String kit = location(Tap.class);
        String classPath = System.getProperty("java.class.path");

        ajc("-d", main.toString(), "-cp", classPath, "-aspectpath", weaver, source.toString());
        ajc("-d", test.toString(), "-cp", classPath + File.pathSeparator + main, "-aspectpath",
                weaver + File.pathSeparator + kit, "-inpath", main.toString());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {test.toUri().toURL(), main.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> orders = loader.loadClass("shop.Orders");
            Object instance = orders.getConstructor().newInstance();
            List<?> booked = (List<?>) orders.getField("BOOKED").get(null);

            InjectionResult result = FailureInjector.assertEveryFailureIsUndone(() -> List.copyOf(booked),
                    () -> call(orders, instance, "tea"));

            assertThat(result.calls()).isEqualTo(2);
            assertThat(result.runs().get(2).reports().get(0).actions()).extracting(a -> a.description())
                    .containsExactly("Orders.reserve(tea-gift-wrap)", "Orders.reserve(tea)");
            assertThat(booked).isEmpty();
        }
    }

    private static void call(Class<?> orders, Object instance, String item) throws Exception {
        try {
            orders.getMethod("order", String.class).invoke(instance, item);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause; // the injected failure, as the scenario's own
            }
            throw e;
        }
    }

    private static void ajc(String... arguments) {
        List<String> args = new ArrayList<>(List.of("-17", "-nowarn", "-encoding", "UTF-8"));
        args.addAll(Arrays.asList(arguments));
        MessageHandler messages = new MessageHandler();
        new Main().run(args.toArray(String[]::new), messages);
        assertThat(messages.getMessages(IMessage.ERROR, true)).as("ajc %s", args).isEmpty();
    }

    private static String location(Class<?> type) throws URISyntaxException, IOException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath().toString();
    }
}
