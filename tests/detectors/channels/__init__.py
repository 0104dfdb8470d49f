"""Tests of detectors/channels: channel status rules."""
