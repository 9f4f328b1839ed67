package com.acme;

import dev.rollback.annotation.Compensate;

@SuppressWarnings("rollback")   // misconfigured on purpose: these test the run-time check
public class Fixtures {

    @Compensate("nothingByThisName")
    public void create(String name) {
    }
}
