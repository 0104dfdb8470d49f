"""The first-party exports read as figures by country (first_party.py), named here without importing anything
heavy: the command line builds one option per export from this table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Export:
    platform: str
    what: str
    country: str  # the export's country column
    measure: str
    count: str = ""  # the column holding the count; "" counts each row once
    day: str = ""  # the column holding the row's date
    day_format: str = ""  # strptime format; "" for ISO 8601
    language: str = ""  # a column with the person's language (ISO 639-1), read when the country is blank


EXPORTS = {
    "play_console": Export("Play Console", "Play Console installs-by-country export", "Country", "installs",
                           "Daily User Installs", "Date"),
    "app_store": Export("App Store Connect", "App Store Connect sales report", "Country Code", "units",
                        "Units", "Begin Date", "%m/%d/%Y"),
    "mailchimp": Export("Mailchimp", "Mailchimp audience export", "CC", "subscribers", "", "OPTIN_TIME"),
    "onesignal": Export("OneSignal", "OneSignal subscriptions export", "country", "subscribers"),
    "braze": Export("Braze", "Braze segment export", "country", "users", language="language"),
}
