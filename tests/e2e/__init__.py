"""End to end: `footprint demo` and `footprint scan` through the sandbox web, across every stage (scan, judge,
report, store), and the behaviour pinned across refactorings (fixtures/archives/)."""
