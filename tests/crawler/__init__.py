"""Tests of crawler/, one folder per stage (config, plan, crawl, captures, runs, store, sandbox)."""
