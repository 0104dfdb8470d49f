"""Judging a firm's channels: its captures (and supplied material) in, one ChannelResult per channel out, each
with a status that says what could be judged and the findings of every indicator at its own scope.

One judge per channel kind, fed capture by capture (detectors/channels/stream.py); supplied files are judged
together, since cross-selling is read across all of them.
"""

from __future__ import annotations

from detectors.channels.stream import FirmJudgement
from detectors.evidence import FirmEvidence
from detectors.model import ChannelKind, ChannelResult


def judge_firm(firm: FirmEvidence) -> list[ChannelResult]:
    """Every channel's result, supplied channels first, then the others in the order given: the streaming
    judgement fed every capture."""
    judge = FirmJudgement(firm)
    for channel in firm.channels:
        if channel.kind == ChannelKind.EXPORT:
            continue
        # Documents the application parsed already are those of the captures with a body, in capture order.
        parsed = iter(channel.documents) if channel.documents is not None else None
        for capture in channel.captures:
            has_body = capture.body is not None and capture.status is not None
            judge.add(capture, next(parsed) if parsed is not None and has_body else None)
    return judge.finish()
