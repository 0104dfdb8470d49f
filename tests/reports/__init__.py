"""Tests of reports/: report.json and its formats, triage and --since-last marks, diff, the run index."""
