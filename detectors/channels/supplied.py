"""Judging material a firm supplies (posts exports, e-mail campaigns): each file a channel, its items judged by
the usual document detectors, its unreadable lines or messages listed, and cross-selling (Art. 61(2)) judged over
every supplied item together, as one audience history."""

from __future__ import annotations

from detectors.analyze import analyze_items, detect_all
from detectors.context import Context
from detectors.cross_sell import SuppliedSequence
from detectors.evidence import ChannelEvidence, FirmEvidence
from detectors.model import ChannelKind, ChannelResult, ChannelStatus, Scope, sort_key


def judge_supplied(channels: list[ChannelEvidence], ctx: Context, firm: FirmEvidence) -> list[ChannelResult]:
    results, items = [], []
    for channel in channels:
        result = ChannelResult(id=channel.id, kind=channel.kind, target=channel.target,
                               status=ChannelStatus.ASSESSED)
        material = channel.supplied
        if material is None:
            result.status, result.reason = ChannelStatus.NOT_ASSESSED, "the supplied file is not in the archive"
            results.append(result)
            continue
        unit = material.unit
        for problem in material.problems:
            result.errors.append({"url": f"{material.scheme}:{material.name}/{unit}-{problem[unit]}",
                                  "error": f"{unit} {problem[unit]}: {problem['field']}: {problem['error']}"})
        result.pages_fetched, result.pages_failed = len(material.items), len(material.problems)
        if not material.items:
            result.status = ChannelStatus.INCONCLUSIVE
            result.reason = f"no readable {'post' if material.source == 'posts' else 'message'} in the file"
        elif material.problems:
            result.status = ChannelStatus.PARTIAL
            result.reason = f"{len(material.problems)} {unit}(s) could not be read"
        docs = [item.document for item in material.items]
        result.findings = analyze_items(docs, ctx, channel.kind) if docs else []
        items += material.items
        results.append(result)
    history = SuppliedSequence(tuple(sorted(items, key=lambda item: item.document.fetched_at)),
                               firm.same_type_window_days)
    sells = detect_all(Scope.SUPPLIED, history, ctx, ChannelKind.EXPORT)
    for result in results:
        result.findings = sorted(result.findings + [f for f in sells if f.channel == result.id], key=sort_key)
    return results
