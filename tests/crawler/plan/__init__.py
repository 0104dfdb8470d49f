"""Tests of crawler/plan: visitor profiles, and what each visitor is shown (geo-targeted content, geo-blocks)."""
