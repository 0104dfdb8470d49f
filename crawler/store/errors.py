"""The one error a store raises for everything that is the user's to fix, not a bug.

A store that cannot be opened (a bad path, a directory that cannot be written, an unreachable server, a bad URL, a
file that is not a footprint store, a schema newer than this footprint) or that fails while in use (the disk is
full, the server went away) raises `StoreError` with a message naming the store (password redacted) and what was
expected. The CLI maps it to exit code 2, like any other bad input.
"""

from __future__ import annotations


class StoreError(Exception):
    """A store location or its contents cannot be used; the message says which store and why."""


class StoreUnavailable(StoreError):
    """The database could not be reached or used at that moment (a connection refused or dropped, a lock held too
    long): the same operation may succeed later, unlike a StoreError about what was asked or found."""
