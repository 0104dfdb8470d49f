"""Firm-supplied material for a self-audit: a posts export (JSON lines) and e-mail campaigns (mbox).

Pure readers: a file in, plain data out, no network. A malformed line or message is reported with its line or
message number (1-based) and the field at fault, and the rest of the file is still read; only a file that cannot
be read at all is refused, with `InputError` like every other bad input.

Posts export, one JSON object per line (blank lines are skipped):

    {"id": "p-12", "date": "2026-03-02" or "2026-03-02T09:30:00+01:00", "text": "...",
     "links": ["https://..."], "audience": {"countries": ["DE", "AT"], "languages": ["de"]}, "channel": "instagram"}

`id`, `date` and `text` are required; unknown keys are errors. A date-time without an offset is taken as UTC. Each
line is checked against crawler/config/schema/posts-export-line.schema.json by the one input loader
(detectors.inputs), which reports its first fault; what a schema cannot say (that the date exists, that country and
language codes exist, that ids are unique) is checked here, every fault of the line reported.

Mail: one campaign per message of an mbox file. The text is the text/plain part, else the text/html part turned
into text by the same parser as web pages; links come from the HTML part's `<a href>`, else from URLs in the text.
Recipient countries come from an `X-Recipient-Countries: DE, AT` header, failing that from the country-code
top-level domains of the To: addresses (`countries_source` says which).

`export_items` / `mail_items` turn what was read into detectors.model.Document objects (so the existing detectors
run on them unchanged), each paired with its audience countries, in date order: the input of
detectors.cross_sell.cross_sell_findings. Pseudo-URLs are `export:<file>/line-<n>` and `mbox:<file>/message-<n>`:
a path, not a #fragment, because finding ids are made from the URL without its fragment, and two posts with the
same phrase must stay two findings.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import hashlib
import json
import mailbox
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

import pycountry

from detectors.document import build_document
from detectors.evidence import SuppliedItem
from detectors.inputs import InputError, field_path, schema, validated
from detectors.model import Document, Link

POST_SCHEMA = "posts-export-line"  # crawler/config/schema/posts-export-line.schema.json: one line's object
LINE = "(line)"  # the field of a problem with the whole line
COUNTRIES_HEADER = "X-Recipient-Countries"
SOURCE_HEADER = "x-recipient-countries"  # countries_source values
SOURCE_TLD = "to-address-tld"
SOURCE_NONE = "unknown"
TLD_COUNTRY = {"uk": "GB"}  # ccTLDs that are not the ISO code of their country
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?"
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?$")


# ---------------------------------------------------------------------------------------------- results

@dataclass(frozen=True)
class Post:
    line: int
    id: str
    date: str  # UTC, ISO 8601 with Z
    text: str
    links: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # audience countries, ISO 3166-1 alpha-2, sorted
    languages: tuple[str, ...] = ()  # audience language tags as given (de, de-DE)
    channel: str = ""  # where it was posted (instagram, telegram...), when the export says


@dataclass
class ExportResult:
    source: str
    posts: list[Post] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)  # {"line": n, "field": ..., "error": ...}


@dataclass(frozen=True)
class MailMessage:
    number: int  # 1-based position in the mbox
    subject: str
    date: str  # UTC, ISO 8601 with Z
    text: str  # the body as text
    links: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # recipient countries, sorted
    countries_source: str = SOURCE_NONE  # x-recipient-countries | to-address-tld | unknown
    body_format: str = "text/plain"  # the part the text came from: text/plain or text/html
    html_lang: str = ""  # Content-Language header, else the HTML part's <html lang>
    message_id: str = ""


@dataclass
class MailResult:
    source: str
    messages: list[MailMessage] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)  # {"message": n, "field": ..., "error": ...}


class _Bad(ValueError):
    def __init__(self, field_name: str, error: str):
        self.field, self.error = field_name, error
        super().__init__(f"{field_name}: {error}")


# ---------------------------------------------------------------------------------------------- files

def _open(path: str | Path, what: str):
    source = str(path)
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(source, "(file)", f"an existing {what}; it does not exist") from None
    except IsADirectoryError:
        raise InputError(source, "(file)", f"a {what}, not a directory") from None
    except OSError as exc:
        raise InputError(source, "(file)", f"a readable {what} ({exc.strerror or exc})") from None


def _utc(when: datetime) -> str:
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso_date(value: str) -> str:
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return _utc(datetime(day.year, day.month, day.day))
        return _utc(datetime.fromisoformat(text))
    except ValueError:
        raise ValueError(f"an ISO 8601 date or date-time such as 2026-03-02 or 2026-03-02T09:30:00Z, got {value!r}"
                         ) from None


def _country(value) -> str:
    code = value.strip().upper() if isinstance(value, str) else ""
    if not re.fullmatch(r"[A-Z]{2}", code) or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"an ISO 3166-1 alpha-2 country code such as DE, got {value!r}")
    return code


def _language(value) -> str:
    match = _LANGUAGE_TAG.match(value.strip()) if isinstance(value, str) else None
    if match:
        primary = match.group(1).lower()
        lookup = {"alpha_2": primary} if len(primary) == 2 else {"alpha_3": primary}
        region = match.group(2)
        region_ok = region is None or region.isdigit() or pycountry.countries.get(alpha_2=region.upper())
        if pycountry.languages.get(**lookup) is not None and region_ok:
            return value.strip().replace("_", "-")
    raise ValueError(f"a language code such as de or de-DE, got {value!r}")


# ---------------------------------------------------------------------------------------------- posts export

def read_posts_export(path: str | Path) -> ExportResult:
    """Read a JSON-lines posts export; malformed lines go to `problems` (line number, field, error), not `posts`."""
    result = ExportResult(source=str(path))
    first_line_of_id: dict[str, int] = {}
    with _open(path, "JSON-lines posts export") as handle:
        try:
            for number, raw in enumerate(handle, start=1):
                problems = _post_problems(raw, number, result.posts, first_line_of_id, result.source)
                result.problems.extend(problems)
        except OSError as exc:
            raise InputError(str(path), "(file)", f"a readable file ({exc.strerror or exc})") from None
    return result


def _post_problems(raw: bytes, number: int, posts: list[Post], first_line_of_id: dict[str, int],
                   source: str) -> list[dict]:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return [{"line": number, "field": LINE, "error": f"UTF-8 text (bad byte at column {exc.start + 1})"}]
    if not line.strip():
        return []
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return [{"line": number, "field": LINE, "error": f"valid JSON ({exc.msg} at column {exc.colno})"}]
    try:
        validated(data, schema("crawler.config", POST_SCHEMA), source)
    except InputError as exc:  # the shape: its first fault, in document order
        return [{"line": number, "field": LINE if exc.where == field_path(()) else exc.where, "error": exc.expected}]
    problems: list[_Bad] = []
    post = _parse_post(data, problems)
    if post is not None and post["id"] in first_line_of_id:
        problems.append(_Bad("id", f"a unique id, {post['id']!r} is already on line {first_line_of_id[post['id']]}"))
    if problems:
        return [{"line": number, "field": p.field, "error": p.error} for p in problems]
    first_line_of_id[post["id"]] = number
    posts.append(Post(line=number, **post))
    return []


def _parse_post(data: dict, problems: list[_Bad]) -> dict | None:
    """The post of a line that matches the schema, with what only code can check (that the date exists, that
    country and language codes exist) checked in a fixed order; every fault is added to `problems` (None if any)."""
    post: dict = {"id": data["id"].strip(), "text": data["text"].strip(),
                  "links": tuple(link.strip() for link in data.get("links", ()))}
    try:
        post["date"] = _iso_date(data["date"])
    except ValueError as exc:
        problems.append(_Bad("date", str(exc)))
    audience = data.get("audience", {})
    countries, languages = [], []
    for key, check, out in (("countries", _country, countries), ("languages", _language, languages)):
        for i, value in enumerate(audience.get(key, ())):
            try:
                out.append(check(value))
            except ValueError as exc:
                problems.append(_Bad(f"audience.{key}[{i}]", str(exc)))
    post["countries"] = tuple(sorted(set(countries)))
    post["languages"] = tuple(dict.fromkeys(languages))
    if "channel" in data:
        post["channel"] = data["channel"].strip()
    return None if problems else post


def export_items(result: ExportResult, name: str) -> list[SuppliedItem]:
    """A document and its audience countries per post, in date order (then line order)."""
    file = Path(result.source).name
    items = []
    for post in sorted(result.posts, key=lambda p: (p.date, p.line)):
        url = f"export:{file}/line-{post.line}"
        html_lang = post.languages[0] if len(post.languages) == 1 else ""
        doc = _document(name, url, post.date, post.text, tuple(Link(u) for u in post.links), html_lang)
        items.append(SuppliedItem(doc, post.countries))
    return items


# ---------------------------------------------------------------------------------------------- mail

def read_mbox(path: str | Path) -> MailResult:
    """Read e-mail campaigns from an mbox file; malformed messages go to `problems` (message number, field)."""
    source = str(path)
    with _open(path, "mbox file") as handle:
        try:
            head = handle.read(4096).lstrip()
        except OSError as exc:
            raise InputError(source, "(file)", f"a readable mbox file ({exc.strerror or exc})") from None
    result = MailResult(source=source)
    if not head:
        return result
    if not head.startswith(b"From "):
        raise InputError(source, "(file)", "an mbox file: messages each starting with a 'From ' line")
    box = mailbox.mbox(source, create=False)
    try:
        for number, key in enumerate(box.keys(), start=1):
            try:
                message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
                result.messages.append(_parse_message(number, message))
            except _Bad as bad:
                result.problems.append({"message": number, "field": bad.field, "error": bad.error})
    except OSError as exc:
        raise InputError(source, "(file)", f"a readable mbox file ({exc.strerror or exc})") from None
    finally:
        box.close()
    return result


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):  # a header the parser cannot even fold back
        raise _Bad(name, "a well-formed header") from None
    return " ".join(str(value).split()) if value is not None else ""


def _parse_message(number: int, message: EmailMessage) -> MailMessage:
    subject = _header(message, "Subject")
    raw_date = _header(message, "Date")
    if not raw_date:
        raise _Bad("Date", "a Date header (RFC 5322)")
    try:
        sent = parsedate_to_datetime(raw_date)
    except (TypeError, ValueError, IndexError):
        raise _Bad("Date", f"an RFC 5322 date such as 'Mon, 02 Mar 2026 09:30:00 +0100', got {raw_date!r}") from None
    plain, html = _body_parts(message)
    if plain is None and html is None:
        raise _Bad("body", "a text/plain or text/html part")
    links: tuple[str, ...] = ()
    html_lang = ""
    if html is not None:
        parsed = build_document(channel="mail", requested_url="mail:", url="mail:", status=200, fetched_at="",
                                content_type="text/html", body=html.encode("utf-8"))
        links = tuple(dict.fromkeys(link.url for link in parsed.links))
        html_lang = parsed.html_lang
    if plain is not None and plain.strip():
        text, body_format = "\n".join(line.strip() for line in plain.strip().splitlines()), "text/plain"
    elif html is not None:
        text, body_format = parsed.text, "text/html"
    else:
        text, body_format = "", "text/plain"
    if not text.strip():
        raise _Bad("body", "a body with text; it is empty")
    if not links:
        links = tuple(dict.fromkeys(m.group(0).rstrip(_URL_TRAILING) for m in _URL_IN_TEXT.finditer(text)))
    content_language = [t.strip() for t in _header(message, "Content-Language").split(",") if t.strip()]
    if len(content_language) == 1:
        html_lang = content_language[0]
    countries, countries_source = _recipient_countries(message)
    return MailMessage(number=number, subject=subject, date=_utc(sent), text=text, links=links,
                       countries=countries, countries_source=countries_source, body_format=body_format,
                       html_lang=html_lang, message_id=_header(message, "Message-ID"))


def _body_parts(message: EmailMessage) -> tuple[str | None, str | None]:
    """The first inline text/plain and text/html parts, decoded strictly (an undecodable part is a problem)."""
    plain = html = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = _decode(part)
        elif ctype == "text/html" and html is None:
            html = _decode(part)
    return plain, html


def _decode(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"  # undeclared 8-bit text is nearly always UTF-8 in practice
    try:
        codecs.lookup(charset)
    except LookupError:
        raise _Bad("body", f"a known character set, got {charset!r}") from None
    try:
        return payload.decode(charset)
    except UnicodeDecodeError as exc:
        raise _Bad("body", f"text decodable as {charset} (bad byte at offset {exc.start})") from None


def _recipient_countries(message: EmailMessage) -> tuple[tuple[str, ...], str]:
    header = _header(message, COUNTRIES_HEADER)
    if header:
        codes = []
        for i, value in enumerate(v for v in re.split(r"[,;\s]+", header) if v):
            try:
                codes.append(_country(value))
            except ValueError as exc:
                raise _Bad(f"{COUNTRIES_HEADER}[{i}]", str(exc)) from None
        return tuple(sorted(set(codes))), SOURCE_HEADER
    countries = set()
    for _name, address in getaddresses(message.get_all("To", [])):
        domain = address.rpartition("@")[2].strip().rstrip(".").lower()
        tld = domain.rpartition(".")[2]
        if "@" in address and len(tld) == 2 and tld.isalpha():
            code = TLD_COUNTRY.get(tld, tld.upper())
            if pycountry.countries.get(alpha_2=code) is not None:
                countries.add(code)
    if countries:
        return tuple(sorted(countries)), SOURCE_TLD
    return (), SOURCE_NONE


def mail_items(result: MailResult, name: str) -> list[SuppliedItem]:
    """A document and its recipient countries per message, in date order (then mbox order). The subject is the
    title and the first line of the text, so detectors read it with the body."""
    file = Path(result.source).name
    items = []
    for message in sorted(result.messages, key=lambda m: (m.date, m.number)):
        url = f"mbox:{file}/message-{message.number}"
        text = f"{message.subject}\n{message.text}" if message.subject else message.text
        doc = _document(name, url, message.date, text, tuple(Link(u) for u in message.links), message.html_lang,
                        title=message.subject)
        items.append(SuppliedItem(doc, message.countries))
    return items


def _document(name: str, url: str, when: str, text: str, links: tuple[Link, ...], html_lang: str,
              title: str = "") -> Document:
    return Document(channel=f"export:{name}", url=url, requested_url=url, status=200, fetched_at=when,
                    body_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), content_type="text/plain",
                    kind="html", html_lang=html_lang, title=title, links=links, text=text)
