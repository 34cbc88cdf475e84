"""The evaluation bench: gold set, scorer, baseline comparison and throughput (see README.md)."""
