"""footprint's application, one package per stage of the data flow:

config -> plan -> crawl -> captures -> (detectors/: judge) -> runs (report, store) -> cli

config/    defaults, limits, firm profiles and every input format's schema, the resolved scan configuration
plan/      targets -> channel plans (one planner per channel kind), visitor profiles
crawl/     the only network code: the crawl job and its child process, Scrapy settings, spiders, browser, screenshots
captures/  the evidence archive (WARC) and the readers of firm-supplied material; the evidence judging reads
runs/      one firm's scan as a pipeline of the stages, batches, output folders, interrupts, the job log, analyze
store/     scans, findings and triage decisions over time (SQLite or PostgreSQL)
sandbox/   the local forward proxy that serves made-up hosts or replays an archive (tests, demo)
cli/       the `footprint` command line: parsing, commands, exit codes
"""
