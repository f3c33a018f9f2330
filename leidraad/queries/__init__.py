"""Pure questions over a loaded model: the graph, handovers, search, filters, reading order and statistics."""
