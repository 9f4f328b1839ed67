package dev.rollback.examples;

import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackReport;

import java.util.List;


/**
 * The end of a demo: the failed agent's rollback report, the residue check, the check that the
 * others are intact, and their teardown.
 */
final class DemoOutcome {

    private final Environment environment;
    private final Console console;

    DemoOutcome(Environment environment, Console console) {
        this.environment = environment;
        this.console = console;
    }

    int report(Faults faults, String failing, Step brokenCompensation, List<RollbackReport> reports, List<Agent> created,
               boolean cleanup) throws Exception {
        boolean ok = true;
        console.line("");
        console.line("Rollback report of " + failing + ":");
        for (RollbackReport report : reports) {
            console.line(ReportTable.render(report).stripTrailing());
        }
        console.line("");
        console.line("Residue of " + failing + " (none expected" + (brokenCompensation == null ? ""
                : ", except what its broken " + brokenCompensation.cliName() + " compensation left") + "):");
        Checks checks = new Checks(environment);
        for (Checks.Finding finding : checks.lookFor(failing)) {
            boolean expected = brokenCompensation != null && finding.what().equals(brokenCompensation.cliName());
            ok &= !finding.present() || expected;
            console.line(String.format("  %-10s %-8s %s", finding.what(), finding.present() ? (expected ? "LEFT (expected)"
                    : "LEFT") : "none", finding.detail()));
        }
        for (Agent agent : created) {
            List<Checks.Finding> findings = checks.lookFor(agent.name());
            boolean intact = findings.stream().allMatch(Checks.Finding::present);
            ok &= intact;
            console.line("  " + agent.name() + " intact: " + (intact ? "yes" : "NO " + findings));
        }
        if (brokenCompensation != null) {
            console.line("");
            console.line("Cleaning up what the broken compensation left:");
            faults.disarm();
            ok &= destroy(failing, null);
        }
        if (cleanup) {
            console.line("");
            console.line("Tearing down the agents that succeeded (--keep leaves them):");
            for (Agent agent : created) {
                ok &= destroy(agent.name(), agent);
            }
        } else {
            console.line("Kept: " + created.stream().map(Agent::name).toList() + " (rollback-demo destroy NAME removes one)");
        }
        console.line(ok ? "Demo done: nothing of " + failing + " remains." : "Demo FAILED: see above.");
        return ok ? 0 : 1;
    }

    private boolean destroy(String name, Agent live) throws Exception {
        try {
            new Teardown(environment).destroy(name, live);
            return true;
        } catch (RollbackIncompleteException e) {
            console.line(ReportTable.render(e.report()).stripTrailing());
            return false;
        }
    }
}
