"""Tests of detectors/: each indicator, the fixture-page tier (tests/pages/), the data files, channel judging."""
