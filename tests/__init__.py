"""footprint's tests, one folder per package of the code (crawler/<stage>, detectors, reports) plus e2e/ for runs
that span the stages; fixture data in pages/ (detector example pages), web/ (sandbox hosts) and e2e/fixtures/."""
