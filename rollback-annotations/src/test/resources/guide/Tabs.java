package com.acme;

import dev.rollback.annotation.Compensate;

import java.util.ArrayList;
import java.util.List;

public class Tabs {

    private final List<String> open = new ArrayList<>();

    @Compensate("closeTab")
    public int openTab(String title) {
        open.add(title);
        return open.size() - 1;
    }

    private void closTab(int tabId, String title) {
        open.remove(title);
    }
}
