package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.Layer;
import dev.rollback.benchmarks.plain.Orchestrator;
import dev.rollback.benchmarks.plain.Resources;
import dev.rollback.benchmarks.plain.StepFailure;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

/** The never-woven scenario classes as Spring beans, behind CGLIB proxies advised by {@link SpringRollbackAspect}. */
@State(Scope.Thread)
public class SpringFixture {

    private AnnotationConfigApplicationContext context;
    /** The proxied resources. */
    public Resources resources;
    /** The proxied orchestrator. */
    public Orchestrator orchestrator;
    /** The outermost of three proxied levels. */
    public Layer layers;

    /** Starts the context and fails the trial at once if the beans are not advised. */
    @Setup
    public void start() {
        context = new AnnotationConfigApplicationContext(Beans.class);
        resources = context.getBean(Resources.class);
        orchestrator = context.getBean(Orchestrator.class);
        layers = context.getBean("outer", Layer.class);
        if (!AopUtils.isCglibProxy(orchestrator) || !AopUtils.isCglibProxy(resources)) {
            throw new IllegalStateException("Spring did not proxy the scenario beans");
        }
        int held = resources.held();
        try {
            orchestrator.fail(3, false);
        } catch (StepFailure expected) {
            Verify.held("Spring AOP proxies", resources.held(), held);
            return;
        }
        throw new IllegalStateException("Orchestrator.fail returned");
    }

    /** Closes the context. */
    @TearDown
    public void stop() {
        context.close();
    }

    /** The beans: every call between them goes through a proxy, so every annotated method is advised. */
    @Configuration(proxyBeanMethods = false)
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    public static class Beans {

        /** @return the aspect */
        @Bean
        public SpringRollbackAspect rollbackAspect() {
            return new SpringRollbackAspect();
        }

        /** @return the resources */
        @Bean
        public Resources resources() {
            return new Resources();
        }

        /** @return the orchestrator */
        @Bean
        public Orchestrator orchestrator(Resources resources) {
            return new Orchestrator(resources, ResourceNames.ALL);
        }

        /** @return the innermost level */
        @Bean
        public Layer inner(Resources resources) {
            return new Layer(resources, null);
        }

        /** @return the middle level */
        @Bean
        public Layer middle(Resources resources, @Qualifier("inner") Layer inner) {
            return new Layer(resources, inner);
        }

        /** @return the outermost level */
        @Bean
        public Layer outer(Resources resources, @Qualifier("middle") Layer middle) {
            return new Layer(resources, middle);
        }
    }
}
