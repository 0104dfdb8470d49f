"""Tests of crawler/config: firm profiles and URLs, the JSON Schemas of the input formats."""
