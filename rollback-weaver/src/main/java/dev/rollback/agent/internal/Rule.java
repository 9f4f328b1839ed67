package dev.rollback.agent.internal;

import java.util.List;
import java.util.Map;

/**
 * One line of a rules file: applies {@code @WithRollback} or {@code @Compensate}, with the given
 * attributes, to the methods of one class that carry no such annotation.
 *
 * @param kind       which annotation the rule stands for
 * @param typeName   the class, as {@link Class#getName()} writes it
 * @param methodName the method
 * @param parameters the parameter types as written in source ({@code java.lang.String},
 *                   {@code byte[]}); {@code null} for every overload
 * @param attributes the attributes, already checked by {@link RulesParser}
 * @param location   {@code rules file /path, line 3}, for messages
 */
record Rule(Kind kind, String typeName, String methodName, List<String> parameters,
            Map<String, String> attributes, String location) {

    enum Kind {
        WITH_ROLLBACK("with-rollback", "@WithRollback"), COMPENSATE("compensate", "@Compensate");

        final String keyword;
        final String annotation;

        Kind(String keyword, String annotation) {
            this.keyword = keyword;
            this.annotation = annotation;
        }
    }

    String attribute(String name, String otherwise) {
        return attributes.getOrDefault(name, otherwise);
    }

    /** @return {@code com.acme.Tabs#open(java.lang.String)}, as the rule names its methods */
    String target() {
        return typeName + '#' + methodName + (parameters == null ? "" : '(' + String.join(", ", parameters) + ')');
    }
}
