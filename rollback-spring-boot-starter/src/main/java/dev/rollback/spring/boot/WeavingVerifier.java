package dev.rollback.spring.boot;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextException;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks, before any bean is created, that every bean whose class carries {@code @WithRollback} or
 * {@code @Compensate} was woven by ajc or runs under the agent: an unwoven one would run without
 * its rollbacks, silently. It also refuses Rollback's aspects as beans: Spring AOP would apply them
 * through proxies, next to their weaving, where self-invocation escapes them and their
 * {@code if()} pointcuts cannot run.
 */
final class WeavingVerifier implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Log LOG = LogFactory.getLog(WeavingVerifier.class);
    private static final Set<String> ASPECTS = Set.of("dev.rollback.aspectj.WithRollbackAspect",
            "dev.rollback.aspectj.CompensateAspect");

    private WeavingCheck check = WeavingCheck.FAIL;

    @Override
    public void setEnvironment(Environment environment) {
        check = Binder.get(environment).bind("rollback.weaving.verify", WeavingCheck.class).orElse(WeavingCheck.FAIL);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Map<String, Class<?>> types = beanTypes(beanFactory);
        refuseAspectBeans(types);
        if (check == WeavingCheck.OFF || WovenClasses.agentInstalled()) {
            return;
        }
        Map<Class<?>, String> unwoven = new LinkedHashMap<>();
        types.forEach((name, type) -> WovenClasses.unwoven(type).forEach(c -> unwoven.putIfAbsent(c, name)));
        if (unwoven.isEmpty()) {
            return;
        }
        String message = message(unwoven);
        if (check == WeavingCheck.FAIL) {
            throw new ApplicationContextException(message);
        }
        LOG.warn(message);
    }

    private static Map<String, Class<?>> beanTypes(ConfigurableListableBeanFactory beanFactory) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(name, false);
            if (type != null) {
                types.put(name, ClassUtils.getUserClass(type));
            }
        }
        return types;
    }

    private static void refuseAspectBeans(Map<String, Class<?>> types) {
        List<String> aspectBeans = types.entrySet().stream().filter(e -> ASPECTS.contains(e.getValue().getName()))
                .map(e -> "'" + e.getKey() + "' (" + e.getValue().getName() + ")").toList();
        if (!aspectBeans.isEmpty()) {
            throw new ApplicationContextException("Rollback's aspects must not be Spring beans: " + aspectBeans
                    + ". Spring AOP would apply them through proxies, next to their weaving: self-invocation escapes a"
                    + " proxy and their if() pointcuts cannot run there. Remove the bean(s); accepted: weaving by ajc"
                    + " (aspectj-maven-plugin with rollback-weaver as an aspectLibrary) or by the Rollback java agent");
        }
    }

    private static String message(Map<Class<?>, String> unwoven) {
        String classes = unwoven.entrySet().stream().map(e -> e.getKey().getName() + " (bean '" + e.getValue() + "')")
                .collect(Collectors.joining(", "));
        return "these classes carry @WithRollback or @Compensate but were woven neither by ajc nor by the Rollback"
                + " agent, so their compensations would never be recorded and nothing would be rolled back: " + classes
                + ". Fix it one of two ways: weave at build time (aspectj-maven-plugin with dev.rollback:rollback-weaver"
                + " as an aspectLibrary), or start the JVM with -javaagent:rollback-weaver-<version>-agent.jar."
                + " To start anyway, set rollback.weaving.verify=warn (or off)";
    }
}
