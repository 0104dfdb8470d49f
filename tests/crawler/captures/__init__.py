"""Tests of crawler/captures: the readers of firm-supplied material (posts exports, mbox campaigns)."""
