"""The data files that drive the detectors: each is loaded through its JSON Schema, the catalogue and the
lexicons agree with the code and cover every language, and a malformed file is refused with its name, the faulty
entry and what was expected."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import uuid
from functools import partial
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import detectors
import detectors.catalogue as catalogue_module
from detectors.catalogue import catalogue
from detectors.data_files import PHRASE_LEXICON, DataFileError, checked, load, validator
from detectors.geography import geography
from detectors.lexicon import PhraseLexicon, lexicon_from_data, phrase_lexicon
from detectors.model import LEVELS, ChannelKind
from detectors.platforms import FILE as PLATFORMS_FILE
from detectors.platforms import chrome_domains, entries_from_data, platform_entries, platform_kind

EU_LANGUAGES = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt",
                "nl", "pl", "pt", "ro", "sk", "sl", "sv"}  # the 24 official languages of the Union
EEA_LANGUAGES = {"is", "no"}
PHRASE_LEXICONS = ["promo", "bonus", "disclaimer", "negation", "crypto_terms", "partner_programme", "geoblock",
                   "campaign_events", "own_partners", "sponsorship", "referral_codes", "code_words",
                   "referral_incentives", "own_initiative", "referred_friends", "referral_rewards",
                   "programme_reporting", "own_terms", "promotion_rules", "phone_context", "disclosure_links",
                   "disclosure_pay", "news_sections", "help_sections", "paid_link_labels", "campaign_names",
                   "advantage_headings", "terms_pages", "missing_rewards", "contents_headings", "rules_titles",
                   "own_advantages"]
FILE = "lexicons/test.yaml"
DATA = Path(detectors.__file__).parent / "data"
SCHEMAS = sorted((DATA / "schema").glob("*.schema.json"))


def detector_modules() -> dict[str, object]:
    """Modules of the detectors package with a module-level INDICATOR and a detect function."""
    found = {}
    for info in pkgutil.iter_modules(detectors.__path__):
        module = importlib.import_module(f"detectors.{info.name}")
        if isinstance(getattr(module, "INDICATOR", None), str) and callable(getattr(module, "detect", None)):
            found[info.name] = module
    return found


def lexicon(**terms) -> dict:
    return {"version": 1, "family": "TEST", "terms": terms or {"de": ["bitcoin kaufen"]}}


def test_catalogue_loads_with_indicators():
    cat = catalogue()
    assert cat.version and cat.active
    assert all(i.id == i.id.upper() for i in cat.indicators.values())


def test_every_active_indicator_has_its_detector_module():
    modules = detector_modules()
    for indicator in catalogue().active:
        module = modules.get(indicator.id.lower())
        assert module is not None, f"{indicator.id}: no detectors/{indicator.id.lower()}.py with INDICATOR and detect"
        assert module.INDICATOR == indicator.id


def test_every_detector_module_is_an_active_indicator():
    active = {i.id for i in catalogue().active}
    for name, module in detector_modules().items():
        assert module.INDICATOR in active, f"detectors/{name}.py: {module.INDICATOR} is not an active indicator"
        assert name == module.INDICATOR.lower()


def test_every_indicator_cites_mica_esma_or_cjeu():
    for indicator in catalogue().indicators.values():
        assert indicator.legal_ref.strip(), indicator.id
        assert any(source in indicator.legal_ref for source in ("MiCA", "ESMA", "CJEU")), indicator.id


def test_perimeter_languages_are_the_eu_and_eea_languages():
    assert geography().languages - {"nb", "nn"} == EU_LANGUAGES | EEA_LANGUAGES


@pytest.mark.parametrize("name", PHRASE_LEXICONS)
def test_phrase_lexicon_covers_all_26_languages(name):
    assert set(phrase_lexicon(name).languages) == EU_LANGUAGES | EEA_LANGUAGES


# ------------------------------------------------------------------------------- one loader, a schema each


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_schema_is_a_valid_draft_2020_12_schema(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


def data_file_loaders() -> list:
    """Every function that reads data files, without its cache (the files are read through `load`)."""
    from detectors import (
        affiliate,
        cross_sell,
        cta_vocabulary,
        currency,
        incentive_vocabulary,
        influencer,
        jurisdictions,
        language_groups,
        lemmas,
        local_ref,
        offer_context,
        offer_words,
        own_voice,
        page_locale,
        payment,
        restricted_countries,
        sponsorship,
        worked_examples,
    )
    from detectors.register import records as register_records

    return [catalogue.__wrapped__, geography.__wrapped__, platform_entries.__wrapped__, affiliate._rules.__wrapped__,
            currency._rules.__wrapped__, payment._rails.__wrapped__, cross_sell.service_types.__wrapped__,
            sponsorship.city_names.__wrapped__, influencer._tags.__wrapped__, offer_context._lexicons.__wrapped__,
            restricted_countries._rules.__wrapped__, own_voice._words.__wrapped__, local_ref._data.__wrapped__,
            language_groups.groups.__wrapped__, page_locale._data.__wrapped__, cta_vocabulary.vocabularies.__wrapped__,
            incentive_vocabulary.vocabularies.__wrapped__, lemmas._table.__wrapped__, offer_words.offers.__wrapped__,
            register_records.vocabulary.__wrapped__, worked_examples._openers.__wrapped__,
            *(partial(phrase_lexicon.__wrapped__, name) for name in PHRASE_LEXICONS),
            *(partial(jurisdictions.profile.__wrapped__, state) for state in jurisdictions.profile_codes())]


def test_every_data_file_is_loaded_through_a_schema(monkeypatch):
    loaded: dict[str, str] = {}

    def spy(relpath: str, schema_name: str = PHRASE_LEXICON) -> dict:
        loaded[relpath] = schema_name
        return load(relpath, schema_name)

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "detectors" and getattr(module, "load", None) is load:
            monkeypatch.setattr(module, "load", spy)
    for loader in data_file_loaders():
        assert loader()
    assert sorted(loaded) == sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))
    assert set(loaded.values()) == {p.name.removesuffix(".schema.json") for p in SCHEMAS}  # and none unused


def test_schemas_agree_with_the_code_they_feed():
    catalogue_schema = validator("catalogue").schema
    assert set(catalogue_schema["$defs"]["indicator"]["properties"]["channels"]["items"]["enum"]) == set(ChannelKind)
    assert catalogue_schema["properties"]["scoring"]["properties"]["levels"]["required"] == list(LEVELS[1:])


def test_schema_error_names_file_entry_expectation_and_line(data_dir):
    (data_dir / FILE).write_text("version: 1\nfamily: TEST\nterms:\n  de: [krypto]\n  fr: []\n", encoding="utf-8")
    with pytest.raises(DataFileError) as refused:
        read(FILE)
    assert (refused.value.file, refused.value.entry, refused.value.line) == (FILE, "terms.fr", 5)
    assert str(refused.value) == f"{FILE}: terms.fr: a non-empty list (line 5)"


def catalogue_data(**scoring) -> dict:
    data = load("catalogue.yaml", "catalogue")
    return {**data, "scoring": {**data["scoring"], **scoring}}


@pytest.mark.parametrize(
    ("data", "entry", "expected"),
    [
        (catalogue_data(levels={"low": 1, "medium": 60, "high": 30}), "scoring.levels",
         "increasing thresholds low < medium < high"),
        (catalogue_data(levels={"low": 1, "medium": 30, "high": 101}), "scoring.levels.high",
         "a number from 0 to 100, got 101"),
        (catalogue_data(strengths={"strong": 0.7, "medium": 0.35, "weak": 0.15, "marker": 0, "mitigating": 0.1}),
         "scoring.strengths.mitigating", "0.0 (a geo-block lowers a score only through geoblock_factor"),
        ({**catalogue_data(), "indicators": catalogue_data()["indicators"][:2] * 2}, "indicators[2].id",
         "a unique id, 'LANG' appears twice"),
        ({**catalogue_data(), "indicators": [{**catalogue_data()["indicators"][0], "channels": ["web"]}]},
         "indicators[0].channels[0]", "one of website, app, social, affiliate, export, got 'web'"),
    ],
    ids=["levels-not-increasing", "level-out-of-range", "mitigating-adds", "duplicate-id", "unknown-channel-kind"],
)
def test_malformed_catalogue_is_refused_naming_the_entry(monkeypatch, data, entry, expected):
    monkeypatch.setattr(catalogue_module, "load", lambda relpath, schema_name: checked(relpath, data, schema_name))
    with pytest.raises(DataFileError) as refused:
        catalogue.__wrapped__()
    assert (refused.value.file, refused.value.entry) == ("catalogue.yaml", entry)
    assert expected in refused.value.expected


# ------------------------------------------------------------------------------------------------ lexicons


def test_valid_lexicon_builds_a_matcher():
    data = lexicon(de=["bitcoin kaufen"], pl=["kup bitcoin*"], **{"no": ["kjøp bitcoin"]})
    built = lexicon_from_data(FILE, checked(FILE, data, PHRASE_LEXICON))
    assert isinstance(built, PhraseLexicon) and built.languages == ["de", "no", "pl"]
    assert [m.text for m in built.find("Jetzt Bitcoin kaufen oder kup bitcoina")] == ["Bitcoin kaufen", "kup bitcoina"]


@pytest.mark.parametrize(
    ("data", "entry", "expected"),
    [
        ({**lexicon(), "phrases": {}}, "phrases", "a known key (family, terms, version); unknown keys are errors"),
        ({"version": 1, "terms": {"de": ["x"]}}, "family", "this key is required"),
        (lexicon(xx=["bitcoin kaufen"]), "terms.xx", "an EU/EEA language code"),
        (lexicon(de=[]), "terms.de", "a non-empty list"),
        (lexicon(de=["bitcoin kaufen", "bitcoin kaufen"]), "terms.de", "no duplicates"),
        (lexicon(de=["bitcoin kaufen", "Bitcoin Kaufen"]), "terms.de[1]",
         "no duplicates, 'Bitcoin Kaufen' appears twice"),
        (lexicon(de=["bitcoin * kaufen"]), "terms.de[0]", "'*' only at its end, got 'bitcoin * kaufen'"),
        (lexicon(de=["krypto kau*"]), "terms.de[0]", "a stem of 4 letters or more"),
        (lexicon(de=["ok", ""]), "terms.de[1]", "a phrase: words without surrounding spaces"),
        (lexicon(de=["bitcoin kaufen "]), "terms.de[0]", "a phrase: words without surrounding spaces"),
        (lexicon(de=["ok", 3]), "terms.de[1]", "a phrase"),
        ({**lexicon(), "terms": {}}, "terms", "a mapping of language code to a list of phrases"),
        ({**lexicon(), "family": 1}, "family", "the family's name in capitals, such as PROMO, got 1"),
    ],
    ids=["unknown-top-level-key", "missing-key", "unknown-language", "empty-list", "duplicate-term",
         "duplicate-term-other-case", "star-in-the-middle", "short-stem", "empty-term", "surrounding-space",
         "not-a-string", "no-terms", "family-not-a-name"],
)
def test_malformed_lexicon_is_refused_naming_file_and_entry(data, entry, expected):
    with pytest.raises(DataFileError) as refused:
        lexicon_from_data(FILE, checked(FILE, data, PHRASE_LEXICON))
    assert (refused.value.file, refused.value.entry) == (FILE, entry)
    assert expected in refused.value.expected
    assert str(refused.value).startswith(f"{FILE}: {entry}: ")


def platforms_file(**entries) -> dict:
    return {"version": 2, "platforms": entries or {"vimeo": {"kind": "video", "hosts": ["vimeo.com"]}}}


TELEGRAM = {"kind": "social", "accounts": ["t.me"], "profile": "https://t.me/s/{handle}"}


def platform_entries_of(data: dict) -> dict:
    return entries_from_data(checked(PLATFORMS_FILE, data, "platforms"))


def test_platforms_file_entry_in_full():
    telegram = platform_entries_of(platforms_file(telegram={
        **TELEGRAM, "hosts": ["telegram.org"], "chrome": ["telesco.pe"], "redirects": {"t.me/iv": "url"},
        "walls": {"not found": ["t.me/nope"], "bot wall": ["telegram.org/"]}}))["telegram"]
    assert (telegram.kind, telegram.all_hosts, telegram.chrome, telegram.profile_url) == (
        "social", ("t.me", "telegram.org"), ("telesco.pe",), "https://t.me/s/{handle}")
    assert telegram.redirects == (("t.me", "/iv", "url"),)
    assert telegram.walls == (("t.me", "/nope", "not found"), ("telegram.org", "/", "bot wall"))


def test_chrome_domains_are_no_platform_pages():
    assert chrome_domains() and not any(platform_kind(host) for host in chrome_domains())
    assert all(entry.all_hosts for entry in platform_entries().values())


@pytest.mark.parametrize(
    ("data", "entry", "expected"),
    [
        ({"version": 1, "hosts": {"social": ["t.me"]}}, "hosts", "a known key (platforms, version)"),
        ({**platforms_file(), "version": 1}, "version", "2 (the format this loader reads), got 1"),
        ({"version": 2, "platforms": {}}, "platforms", "a non-empty mapping of platform name to its entry"),
        (platforms_file(vimeo={"kind": "video", "hosts": ["vimeo.com"], "url": "x"}), "platforms.vimeo.url",
         "a known key (accounts, chrome, hosts, kind, profile, redirects, walls)"),
        (platforms_file(vimeo={"kind": "blog", "hosts": ["vimeo.com"]}), "platforms.vimeo.kind",
         "one of app_store, social, video, publishing, got 'blog'"),
        (platforms_file(vimeo={"kind": "video"}), "platforms.vimeo", "accounts or hosts"),
        (platforms_file(vimeo={"kind": "video", "hosts": []}), "platforms.vimeo.hosts", "a non-empty list"),
        (platforms_file(vimeo={"kind": "video", "hosts": ["https://vimeo.com"]}), "platforms.vimeo.hosts[0]",
         "host names only (lower case, no scheme, path or port), got 'https://vimeo.com'"),
        (platforms_file(vimeo={"kind": "video", "hosts": ["Vimeo.com"]}), "platforms.vimeo.hosts[0]",
         "host names only"),
        (platforms_file(a={"kind": "social", "hosts": ["t.me"]}, telegram=TELEGRAM), "platforms.telegram.accounts",
         "a host of one platform only, 't.me' is already in platforms.a.hosts"),
        (platforms_file(telegram={"kind": "social", "accounts": ["t.me"]}), "platforms.telegram.profile",
         "this key is required"),
        (platforms_file(telegram={**TELEGRAM, "profile": "http://t.me/{handle}"}), "platforms.telegram.profile",
         "an https:// URL with {handle} in it, got 'http://t.me/{handle}'"),
        (platforms_file(telegram={**TELEGRAM, "hosts": ["telegram.org"], "profile": "https://telegram.org/{handle}"}),
         "platforms.telegram.profile", "a URL on one of the accounts hosts ['t.me']"),
        (platforms_file(vimeo={"kind": "video", "hosts": ["vimeo.com"], "profile": "https://vimeo.com/{handle}"}),
         "platforms.vimeo.profile", "only with accounts"),
        (platforms_file(telegram={**TELEGRAM, "redirects": {"t.me": "url"}}), "platforms.telegram.redirects",
         "a host and a path prefix such as youtube.com/redirect, got 't.me'"),
        (platforms_file(telegram={**TELEGRAM, "redirects": {"l.facebook.com/l.php": "u"}}),
         "platforms.telegram.redirects", "a URL on the platform's accounts, hosts or chrome"),
        (platforms_file(telegram={**TELEGRAM, "redirects": {"t.me/iv": ""}}), "platforms.telegram.redirects.t.me/iv",
         "the name of a query parameter"),
        (platforms_file(telegram={**TELEGRAM, "walls": {}}), "platforms.telegram.walls", "a non-empty mapping"),
        (platforms_file(telegram={**TELEGRAM, "walls": {"blocked": ["t.me/x"]}}), "platforms.telegram.walls.blocked",
         "a verdict among ['login wall', 'bot wall', 'not found']"),
        (platforms_file(telegram={**TELEGRAM, "walls": {"not found": ["x.com/404"]}}),
         "platforms.telegram.walls.not found", "a URL on the platform's accounts, hosts or chrome"),
        (platforms_file(telegram={**TELEGRAM, "walls": {"not found": ["t.me/gone", "t.me/Gone"]}}),
         "platforms.telegram.walls.not found[1]", "no duplicates, 't.me/Gone' appears twice"),
    ],
    ids=["old-format", "old-version", "no-platforms", "unknown-field", "unknown-kind", "no-hosts", "empty-hosts",
         "url-for-host", "upper-case-host", "host-twice", "accounts-without-profile", "profile-not-https",
         "profile-off-accounts", "profile-without-accounts", "redirect-without-path", "redirect-off-platform",
         "redirect-without-param", "empty-walls", "unknown-verdict", "wall-off-platform", "wall-twice"],
)
def test_malformed_platforms_file_is_refused_naming_file_and_entry(data, entry, expected):
    with pytest.raises(DataFileError) as refused:
        platform_entries_of(data)
    assert (refused.value.file, refused.value.entry) == (PLATFORMS_FILE, entry)
    assert expected in refused.value.expected


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A stand-in for detectors/data: a package of our own, fresh for each test, that `load` reads instead."""
    name = f"footprint_test_data_{uuid.uuid4().hex}"
    package = tmp_path / name
    (package / "lexicons").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("detectors.data_files.DATA_PACKAGE", name)
    yield package
    sys.modules.pop(name, None)


def read(relpath: str) -> dict:
    return load.__wrapped__(relpath)  # not the cached one: each test writes its own files


def test_yaml_no_key_is_read_as_norwegian(data_dir):
    (data_dir / FILE).write_text("version: 1\nfamily: TEST\nterms:\n  no: [kjøp bitcoin]\n", encoding="utf-8")
    assert lexicon_from_data(FILE, read(FILE)).languages == ["no"]


def test_lexicon_file_with_unknown_language_is_refused(data_dir):
    (data_dir / FILE).write_text("version: 1\nfamily: TEST\nterms:\n  de: [krypto]\n  zz: [crypto]\n")
    with pytest.raises(DataFileError, match=r"^lexicons/test\.yaml: terms\.zz: an EU/EEA language code"):
        lexicon_from_data(FILE, read(FILE))


def test_invalid_yaml_is_refused_naming_the_file_and_line(data_dir):
    (data_dir / FILE).write_text("version: 1\nterms: [unclosed\n")
    with pytest.raises(DataFileError, match=r"^lexicons/test\.yaml: line 3, column 1: valid YAML"):
        read(FILE)


def test_data_file_that_is_not_a_mapping_is_refused(data_dir):
    (data_dir / FILE).write_text("- just\n- a list\n")
    with pytest.raises(DataFileError, match=r"^lexicons/test\.yaml: \(top\): a mapping at the top level"):
        read(FILE)
