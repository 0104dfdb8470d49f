"""detectors/channels/pages.py: the status rules shared by the channels judged from fetched pages."""


def test_a_failed_crawl_process_leaves_no_channel_clean():
    from detectors.channels.pages import after_crawl_failure
    from detectors.model import ChannelResult

    channel = after_crawl_failure(ChannelResult(id="website:x.com", kind="website", target="https://x.com/",
                                          status="assessed"), "exit code 9: killed")
    assert channel.status == "partial" and "crawler process failed" in channel.errors[0]["error"]
    unrated = after_crawl_failure(ChannelResult(id="website:y.com", kind="website", target="https://y.com/",
                                          status="not-assessed", reason="nothing could be fetched"), "exit code 9")
    assert unrated.status == "not-assessed"


def _tally(*fetches: tuple):
    """A website channel's FetchTally after these (URL, status[, visitor]) fetches; status None: the fetch failed."""
    from detectors.channels.pages import FetchTally, document_of
    from detectors.evidence import Capture

    tally = FetchTally()
    for url, status, *visitor in fetches:
        body = b"<html lang=en><body><p>Plain page about us.</p></body></html>" if status == 200 else None
        capture = Capture(channel="website:x.com", requested_url=url, url=url, fetched_at="2026-01-01T00:00:00Z",
                          status=status, body=body, content_type="text/html", error="" if status else "DNS",
                          visitor=(visitor or [""])[0])
        tally.add_capture(capture)
        if body is not None:
            tally.add_document(document_of(capture))
    return tally


def _result(tally):
    from detectors.evidence import ChannelEvidence

    channel = ChannelEvidence(id="website:x.com", kind="website", target="https://x.com/", captures=[])
    return tally.result(channel, torn="")


def test_a_dead_link_past_the_start_page_is_listed_and_the_channel_stays_assessed():
    result = _result(_tally(("https://x.com/", 200), ("https://x.com/about", 200), ("https://x.com/gone", 404)))
    assert result.status == "assessed" and result.reason == ""
    assert result.pages_failed == 1 and result.errors == [{"url": "https://x.com/gone", "error": "HTTP 404"}]
    assert result.checked == ["https://x.com/", "https://x.com/about"]


def test_a_failed_start_page_makes_the_channel_partial_though_other_pages_came_back():
    result = _result(_tally(("https://x.com/", 500), ("https://x.com/about", 200)))
    assert result.status == "partial" and result.reason == "the start page failed"
    assert result.checked == ["https://x.com/about"]


def test_a_start_page_an_eu_visitor_never_got_is_listed_and_the_channel_partial():
    result = _result(_tally(("https://x.com/", 200, "US"), ("https://x.com/", None, "DE"),
                            ("https://x.com/about", 200, "US"), ("https://x.com/about", 200, "DE")))
    assert result.status == "partial"
    assert result.reason == "the start page failed as DE, so it was not compared for that visitor"
    assert result.errors == [{"url": "https://x.com/", "error": "DNS (as DE)"}] and result.pages_failed == 0


def test_an_inner_page_one_visitor_missed_is_listed_and_a_refusal_is_geo_evidence_not_a_failure():
    result = _result(_tally(("https://x.com/", 200, "US"), ("https://x.com/", 451, "DE"),
                            ("https://x.com/about", 200, "US"), ("https://x.com/about", 500, "DE")))
    assert result.status == "assessed" and result.reason == ""
    assert result.errors == [{"url": "https://x.com/about", "error": "HTTP 500 (as DE)"}]
