"""`footprint register check`: a firm's onboarding records imported (identifiers hashed with a key kept outside
the store), kept in the store, held against the firm's finding history and reported (issue 16;
docs/0016-initiation-register.md). The judging itself is detectors/register/'s."""
