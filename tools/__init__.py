"""Developer tools (benchmarks); not part of the shipped package."""
