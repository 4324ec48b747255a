package org.triad.bank.application;

import java.util.List;

public record HistoryPage(List<HistoryLine> items, int page, int size, long total) {
}
