package dev.rollback.agent.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesParserTest {

    @TempDir
    Path dir;

    @Test
    void readsTheRulesOfTheDesignExampleWithCommentsAndQuotedValues() throws IOException {
        List<Rule> rules = parse("""
                # orchestrators
                with-rollback  com.acme.Orchestrator#createAgent   # the whole operation
                compensate     com.acme.Tabs#open(java.lang.String)  by=close  priority=90  timeoutMillis=5000  retries=2
                compensate     com.acme.Db#insert  handler=com.acme.DeleteRow  description="remove the row"
                compensate     com.acme.Files#write(byte[], int, com.acme.Outer$Inner) by=undo#1
                """.replace("undo#1", "undo"));

        assertThat(rules).hasSize(4);
        assertThat(rules.get(0)).isEqualTo(new Rule(Rule.Kind.WITH_ROLLBACK, "com.acme.Orchestrator", "createAgent", null,
                Map.of(), "rules file " + dir.resolve("rules") + ", line 2"));
        assertThat(rules.get(1).parameters()).containsExactly("java.lang.String");
        assertThat(rules.get(1).attributes()).isEqualTo(Map.of("by", "close", "priority", "90", "timeoutMillis", "5000",
                "retries", "2"));
        assertThat(rules.get(2).attributes()).isEqualTo(Map.of("handler", "com.acme.DeleteRow", "description", "remove the row"));
        assertThat(rules.get(3).parameters()).containsExactly("byte[]", "int", "com.acme.Outer$Inner");
    }

    @Test
    void keepsAHashInsideAWordAsPartOfIt() throws IOException {
        assertThat(parse("compensate com.acme.Tabs#open by=close description=tab#1\n").get(0).attributes())
                .containsEntry("description", "tab#1");
    }

    @Test
    void rejectsAnUnknownKeyword() {
        assertMalformed("compensat com.acme.Tabs#open by=close", "line 1: expected with-rollback or compensate, found 'compensat'");
    }

    @Test
    void rejectsATargetWithoutAMethod() {
        assertMalformed("\n\nwith-rollback com.acme.Orchestrator",
                "line 3: expected <class>#<method> or <class>#<method>(<parameter types>), found 'com.acme.Orchestrator'");
    }

    @Test
    void rejectsAMissingTarget() {
        assertMalformed("with-rollback", "line 1: expected <class>#<method> or <class>#<method>(<parameter types>)"
                + " after with-rollback, found 'end of line'");
    }

    @Test
    void rejectsARuleForAClassTheAgentNeverTransforms() {
        assertMalformed("compensate java.nio.file.Files#createDirectory by=delete", "line 1: expected a class the agent"
                + " may transform: none of the JDK's, AspectJ's, SLF4J's or Rollback's own, found 'java.nio.file.Files'");
    }

    @Test
    void rejectsAnAttributeOfTheOtherKeyword() {
        assertMalformed("with-rollback com.acme.O#run by=close", "line 1: expected an attribute of with-rollback given"
                + " once as name=value, one of durable=, name=, noRollbackFor=, parallelCompensation=, propagation=,"
                + " rollbackFor=, found 'by=close'");
    }

    @Test
    void rejectsAParallelCompensationThatIsNeitherTrueNorFalse() {
        assertMalformed("with-rollback com.acme.O#run parallelCompensation=yes", "line 1: expected"
                + " parallelCompensation=true or parallelCompensation=false, found 'parallelCompensation=yes'");
    }

    @Test
    void readsADurableWithRollbackRule() throws IOException {
        assertThat(parse("with-rollback com.acme.O#run durable=true\n").get(0).attributes())
                .isEqualTo(Map.of("durable", "true"));
    }

    @Test
    void rejectsADurableThatIsNeitherTrueNorFalse() {
        assertMalformed("with-rollback com.acme.O#run durable=yes", "line 1: expected"
                + " durable=true or durable=false, found 'durable=yes'");
    }

    @Test
    void rejectsADurableAttributeOnACompensateRule() {
        assertMalformed("compensate com.acme.T#open by=close durable=true", "line 1: expected an attribute of compensate"
                + " given once as name=value, one of by=, description=, handler=, priority=, retries=, timeoutMillis=,"
                + " found 'durable=true'");
    }

    @Test
    void rejectsAnAttributeGivenTwice() {
        assertMalformed("compensate com.acme.T#open by=close by=shut", "line 1: expected an attribute of compensate given"
                + " once as name=value, one of by=, description=, handler=, priority=, retries=, timeoutMillis=, found 'by=shut'");
    }

    @Test
    void rejectsANumberThatIsNotOne() {
        assertMalformed("compensate com.acme.T#open by=close priority=high",
                "line 1: expected an integer for priority=, found 'priority=high'");
    }

    @Test
    void rejectsAnUnknownPropagation() {
        assertMalformed("with-rollback com.acme.O#run propagation=REQUIRED",
                "line 1: expected propagation=NESTED or propagation=REQUIRES_NEW, found 'propagation=REQUIRED'");
    }

    @Test
    void rejectsACompensateRuleWithNeitherByNorHandler() {
        assertMalformed("compensate com.acme.T#open priority=3",
                "line 1: expected exactly one of by=<compensating method> and handler=<class> for compensate, found 'priority=3'");
    }

    @Test
    void rejectsAParameterListThatIsNotClosed() {
        assertMalformed("compensate com.acme.T#open(java.lang.String by=close",
                "line 1: expected a closing parenthesis, found 'com.acme.T#open(java.lang.String by=close' at the end of the line");
    }

    @Test
    void rejectsAParameterTypeThatIsNotAName() {
        assertMalformed("compensate com.acme.T#open(java.lang.String, 3x) by=close",
                "line 1: expected a parameter type such as java.lang.String, int or byte[], found '3x'");
    }

    @Test
    void rejectsAFileThatCannotBeRead() {
        Path missing = dir.resolve("missing.rules");
        assertThatThrownBy(() -> RulesParser.parse(missing)).isInstanceOf(AgentConfigurationException.class)
                .hasMessage("Rollback agent: rules file " + missing + " cannot be read: java.nio.file.NoSuchFileException: "
                        + missing);
    }

    @Test
    void rejectsAnOptionItDoesNotKnow() {
        assertThatThrownBy(() -> AgentOptions.parse("rules=/a,rules=/b")).isInstanceOf(AgentConfigurationException.class)
                .hasMessage("Rollback agent options 'rules=/a,rules=/b': option 'rules=/b' is not understood;"
                        + " accepted: rules=<file> and debug, separated by commas (rules= at most once)");
    }

    @Test
    void readsTheRulesFileAndDebugOptions() {
        assertThat(AgentOptions.parse("rules=/etc/acme.rules, debug"))
                .isEqualTo(new AgentOptions(java.util.Optional.of(Path.of("/etc/acme.rules")), true));
        assertThat(AgentOptions.parse(null)).isEqualTo(new AgentOptions(java.util.Optional.empty(), false));
    }

    private List<Rule> parse(String text) throws IOException {
        return RulesParser.parse(Files.writeString(dir.resolve("rules"), text));
    }

    private void assertMalformed(String text, String message) {
        Path file = dir.resolve("rules");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(AgentConfigurationException.class)
                .hasMessage("Rollback agent: rules file " + file + ", " + message);
    }
}
