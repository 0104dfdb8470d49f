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
