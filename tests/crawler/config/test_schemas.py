"""The JSON Schemas of the formats users write (crawler/config/schema/): each is itself a valid Draft 2020-12 schema,
each input format has one, and each accepts a good sample and refuses a bad one naming the field at fault, through
the one input loader (detectors.inputs)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

import crawler.captures.supplied as supplied
import crawler.sandbox.rules as sandbox_rules
import crawler.store.triage as triage
from detectors.inputs import InputError, schema, validated
from detectors.model import TriageStatus

SCHEMAS = resources.files("crawler.config").joinpath("schema")
FILES = sorted(path.name for path in SCHEMAS.iterdir() if path.name.endswith(".schema.json"))

_DECISION = {"finding_id": "01019e89a20256df", "status": "dismissed", "reason": "an old page", "by": "anna",
             "at": "2026-11-22T09:00:00Z", "firm": "nordwind-exchange-ltd", "url": "https://x.example/"}

# format -> schema name -> a valid sample -> an invalid sample -> the field its error names
FORMATS = [
    ("firm profile", "firm-profile",
     {"firm": {"name": "Nordwind", "home_country": "SC"}, "channels": {"websites": ["https://x.example/"]},
      "scan": {"visitors": ["DE", "AT"], "max_pages": 20}},
     {"firm": {"name": "Nordwind"}, "channels": {"websites": ["https://x.example/"]}, "scan": {"max_pages": 0}},
     "scan.max_pages"),
    ("firms file", "firm-profile",
     {"scan": {"render": "auto"}, "firms": [{"firm": {"name": "A"}, "channels": {"social": {"telegram": "a"}}}]},
     {"firms": [{"firm": {"name": "A"}, "channels": {}, "scan": {"visitor": ["DE"]}}]},
     "firms[0].scan.visitor"),
    ("posts export line", "posts-export-line",
     {"id": "p1", "date": "2026-03-02", "text": "Willkommensbonus", "links": ["https://x.example/de/"],
      "audience": {"countries": ["DE"], "languages": ["de-DE"]}, "channel": "instagram"},
     {"id": "p1", "date": "2026-03-02", "text": "t", "audience": {"countries": ["DE", "Germany"]}},
     "audience.countries[1]"),
    ("triage import", "triage-import",
     {"schema": "footprint.triage/1", "decisions": [_DECISION, _DECISION | {"status": "open", "firm": ""}]},
     {"schema": "footprint.triage/1", "decisions": [_DECISION, _DECISION | {"status": "ignored"}]},
     "decisions[1].status"),
    ("sandbox rules", "sandbox-rules",
     {"rules": [{"path": "/geo/*", "when": {"visitor": ["DE", "FR"], "accept_language": "de"}, "status": 451,
                 "headers": {"X-Reason": "geo", "Retry-After": 5}},
                {"path": "/old", "redirect": "/new/"}, {"path": "/", "file": "pages/home.html"}]},
     {"rules": [{"path": "/"}, {"path": "/x", "when": {"country": "DE"}}]},
     "rules[1].when.country"),
    ("register column mapping", "register-mapping",
     {"columns": {"client_id": "Kunden-ID", "country_of_residence": "Wohnsitz"}},
     {"columns": {"client_id": "Kunden-ID", "Country": "Land"}},
     "columns"),
]


@pytest.mark.parametrize("name", FILES)
def test_each_schema_is_a_valid_draft_2020_12_schema(name):
    document = json.loads(SCHEMAS.joinpath(name).read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)
    assert document.get("title") and document.get("description"), f"{name}: say what the format is, for its users"


def test_each_input_format_has_a_schema_and_each_schema_a_format():
    assert sorted({f"{name}.schema.json" for _, name, *_ in FORMATS}) == FILES


def test_the_readers_use_these_schemas():
    assert (supplied.POST_SCHEMA, triage.IMPORT_SCHEMA, sandbox_rules.SCHEMA) == (
        "posts-export-line", "triage-import", "sandbox-rules")


@pytest.mark.parametrize(("what", "name", "good", "bad", "field"), FORMATS, ids=[f[0] for f in FORMATS])
def test_a_good_sample_passes_and_a_bad_one_names_its_field(what, name, good, bad, field):
    validator = schema("crawler.config", name)
    assert validated(good, validator, what) is good
    with pytest.raises(InputError) as err:
        validated(bad, validator, what)
    assert (err.value.source, err.value.where) == (what, field)
    assert err.value.expected


def test_the_triage_schema_says_what_the_code_writes():
    document = schema("crawler.config", "triage-import").schema
    assert document["properties"]["schema"]["const"] == document["if"]["properties"]["schema"]["const"] == triage.SCHEMA
    assert document["$defs"]["decision"]["properties"]["status"]["enum"] == [s.value for s in TriageStatus]
