"""Aggregates and comparisons over checked data: metrics, findings, filters, diffs, planning maths."""
