"""Tests of crawler/sandbox, one file per module (rules, files, proxy, replay, web)."""
