"""detectors/social/telegram.py: Telegram public channel previews, their posts and pagination."""

from __future__ import annotations

from detectors.social.telegram import parse_preview

from . import NEWEST, OLDER, page


def test_telegram_preview_channel(newest):
    assert newest.channel == "nordwind_de"
    assert newest.title == "Nordwind Exchange Deutschland"
    assert newest.description.splitlines() == ["Offizieller deutschsprachiger Kanal von Nordwind Exchange.",
                                               "Support: @nordwind_support", "Web: nordwind-exchange.com/de"]
    assert newest.subscribers == 12400 and newest.subscribers_text == "12.4K subscribers"
    assert [link.url for link in newest.links] == ["https://t.me/nordwind_support", "https://nordwind-exchange.com/de"]
    assert newest.preview and not newest.empty


def test_telegram_preview_posts(newest):
    assert [p.id for p in newest.posts] == [1041, 1042, 1043]
    assert [p.url for p in newest.posts] == [f"https://t.me/nordwind_de/{i}" for i in (1041, 1042, 1043)]
    # time[datetime] normalised to UTC: 10:01:40+01:00 is 09:01:40Z
    assert [p.date for p in newest.posts] == ["2025-11-03T09:15:02Z", "2025-11-04T09:01:40Z", "2025-11-06T18:30:00Z"]
    report, bonus, creator = newest.posts
    assert report.text.startswith("📊 Marktbericht am Montag\nBitcoin hat das Wochenende")
    assert report.text.endswith("#Bitcoin #Marktbericht")
    # hashtag searches (?q=%23Bitcoin) are no links; the link preview repeats the text's link once
    assert [link.url for link in report.links] == ["https://nordwind-exchange.com/de/blog/marktbericht-november"]
    assert report.preview.startswith("Nordwind Exchange\nMarktbericht November")
    assert report.views == "3.1K"
    assert "Willkommensbonus für Neukunden in Deutschland und Österreich!" in bonus.text
    assert bonus.text.endswith("\nJetzt registrieren")  # the URL button's label, the firm's own words
    assert [link.url for link in bonus.links] == ["https://nordwind-exchange.com/join?ref=TG-DE-77"]
    assert creator.forwarded_from == "Krypto Kevin"
    assert creator.text.startswith("#werbung Leute,")


def test_telegram_pagination_follows_older_pages(newest, older):
    assert newest.older_url == OLDER and newest.newer_url == ""
    assert older.channel == "nordwind_de"
    assert [p.id for p in older.posts] == [1038, 1039, 1040]
    assert older.older_url == "https://t.me/s/nordwind_de?before=1038"
    assert older.newer_url == "https://t.me/s/nordwind_de?after=1040"
    assert older.oldest_id == 1038 < newest.oldest_id


def test_telegram_reply_quote_is_not_the_post_text(older):
    reply = older.posts[-1]
    assert reply.text == ("Die Wartung ist abgeschlossen, alle Funktionen stehen wieder zur Verfügung. "
                          "Danke für eure Geduld!")


def test_telegram_pagination_falls_back_on_link_rel_prev():
    body = b"""<html><head><link rel="prev" href="/s/nordwind_de?before=900"></head><body>
      <section class="tgme_channel_history js-message_history">
      <div class="tgme_widget_message js-widget_message" data-post="nordwind_de/901">
        <div class="tgme_widget_message_text js-message_text">Hallo</div></div></section></body></html>"""
    parsed = parse_preview(body, NEWEST)
    assert parsed.older_url == "https://t.me/s/nordwind_de?before=900"
    assert [(p.id, p.url, p.date, p.text) for p in parsed.posts] == [(901, "https://t.me/nordwind_de/901", "", "Hallo")]


def test_telegram_oldest_page_has_no_older_link():
    body = b"""<html><body><section class="tgme_channel_history js-message_history">
      <div class="tgme_widget_message js-widget_message" data-post="nordwind_de/1">
        <div class="tgme_widget_message_text js-message_text">Kanal erstellt</div></div>
      <div class="tgme_widget_message_centered js-messages_more_wrap">
        <a href="/s/nordwind_de?after=1" class="tme_messages_more js-messages_more" data-after="1"></a></div>
      </section></body></html>"""
    parsed = parse_preview(body, "https://t.me/s/nordwind_de?before=2")
    assert parsed.older_url == "" and parsed.newer_url == "https://t.me/s/nordwind_de?after=1"


def test_telegram_parse_is_deterministic(newest):
    assert parse_preview(page("telegram-preview.html"), NEWEST) == newest


def test_telegram_stand_in_page_parses_empty():
    parsed = parse_preview(b"<html><body><p>Service unavailable</p></body></html>", NEWEST)
    assert parsed.empty and parsed.posts == () and parsed.older_url == ""
