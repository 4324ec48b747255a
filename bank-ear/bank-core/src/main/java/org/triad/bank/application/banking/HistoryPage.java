package org.triad.bank.application.banking;

import java.util.List;

public record HistoryPage(List<HistoryLine> items, int page, int size, long total) {
}
