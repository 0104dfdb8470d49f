"""Tests of crawler/runs: offline analyze of an archive, batch runs of many firms."""
