"""reports/visitors.py: each visitor named with why it is there and what it was."""

from crawler.plan.visitors import profiles
from reports.visitors import visitor_labels


def _report(visitors) -> dict:
    return {"scan": {"visitors": [v["country"] for v in visitors]}, "provenance": {"visitors": visitors}}


def test_a_visitor_with_a_proxy_in_its_country_is_not_called_a_browser_profile():
    listed = [v.to_dict() for v in profiles(["PL"], {"PL": "http://PL:secret@geo.example:8080"})]
    assert visitor_labels(_report(listed)) == ["US (baseline; en-US, America/New_York)",
                                               "PL (asked for; pl-PL, Europe/Warsaw)"]


def test_the_jurisdictions_default_visitor_says_so_and_older_reports_name_countries_only():
    listed = [v.to_dict() for v in profiles(["FR"], default="FR", jurisdiction="FR")]
    assert visitor_labels(_report(listed))[1] == ("FR (default EU visitor, the scan's jurisdiction, start pages "
                                                  "only; fr-FR, Europe/Paris; a browser profile, no proxy in FR)")
    older = [{k: v for k, v in profile.items() if k not in ("chosen", "start_pages_only")} for profile in listed]
    assert visitor_labels(_report(older)) == ["US", "FR"]
    assert visitor_labels({"scan": {"visitors": ["US", "DE"]}}) == ["US", "DE"]
