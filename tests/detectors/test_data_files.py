"""The data files that drive the detectors: the catalogue and the lexicons load, agree with the code, cover every
language, and a malformed file is refused with its name and the faulty entry."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import uuid

import pytest

import detectors
from detectors.catalogue import catalogue
from detectors.data_files import DataFileError, load
from detectors.geography import geography
from detectors.lexicon import PhraseLexicon, lexicon_from_data, phrase_lexicon
from detectors.platforms import FILE as PLATFORMS_FILE
from detectors.platforms import chrome_domains, entries_from_data, platform_entries, platform_kind

EU_LANGUAGES = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt",
                "nl", "pl", "pt", "ro", "sk", "sl", "sv"}  # the 24 official languages of the Union
EEA_LANGUAGES = {"is", "no"}
PHRASE_LEXICONS = ["promo", "bonus", "disclaimer", "negation", "crypto_terms", "partner_programme", "geoblock",
                   "sponsorship"]
FILE = "lexicons/test.yaml"


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


def test_every_data_file_loads_through_its_loader():
    from detectors.affiliate import _rules as affiliate_rules
    from detectors.currency import _rules as currency_rules
    from detectors.payment import _rails
    from detectors.platforms import platform_hosts

    assert affiliate_rules().referral_params and currency_rules().strength and _rails()[2] and platform_hosts()


def test_valid_lexicon_builds_a_matcher():
    built = lexicon_from_data(FILE, lexicon(de=["bitcoin kaufen"], pl=["kup bitcoin*"], **{"no": ["kjøp bitcoin"]}))
    assert isinstance(built, PhraseLexicon) and built.languages == ["de", "no", "pl"]
    assert [m.text for m in built.find("Jetzt Bitcoin kaufen oder kup bitcoina")] == ["Bitcoin kaufen", "kup bitcoina"]


@pytest.mark.parametrize(
    ("data", "entry", "expected"),
    [
        ({**lexicon(), "phrases": {}}, "(top)", "unknown field(s) ['phrases']"),
        ({"version": 1, "terms": {"de": ["x"]}}, "(top)", "missing field(s) ['family']"),
        (lexicon(xx=["bitcoin kaufen"]), "terms.xx", "an EU/EEA language code"),
        (lexicon(de=[]), "terms.de", "a non-empty list of strings"),
        (lexicon(de=["bitcoin kaufen", "Bitcoin Kaufen"]), "terms.de", "no duplicates, 'Bitcoin Kaufen' appears twice"),
        (lexicon(de=["bitcoin * kaufen"]), "terms.de", "'*' only at the end of a phrase"),
        (lexicon(de=["krypto kau*"]), "terms.de", "a stem of 4 letters or more"),
        (lexicon(de=["ok", ""]), "terms.de", "non-empty strings only"),
        ({**lexicon(), "terms": {}}, "terms", "a mapping of language code to a list of phrases"),
    ],
    ids=["unknown-top-level-key", "missing-key", "unknown-language", "empty-list", "duplicate-term",
         "star-in-the-middle", "short-stem", "empty-term", "no-terms"],
)
def test_malformed_lexicon_is_refused_naming_file_and_entry(data, entry, expected):
    with pytest.raises(DataFileError) as refused:
        lexicon_from_data(FILE, data)
    assert (refused.value.file, refused.value.entry) == (FILE, entry)
    assert expected in refused.value.expected
    assert str(refused.value).startswith(f"{FILE}: {entry}: ")


def platforms_file(**entries) -> dict:
    return {"version": 2, "platforms": entries or {"vimeo": {"kind": "video", "hosts": ["vimeo.com"]}}}


TELEGRAM = {"kind": "social", "accounts": ["t.me"], "profile": "https://t.me/s/{handle}"}


def test_platforms_file_entry_in_full():
    telegram = entries_from_data(platforms_file(telegram={
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
        ({"version": 1, "hosts": {"social": ["t.me"]}}, "(top)", "unknown field(s) ['hosts']"),
        ({**platforms_file(), "version": 1}, "version", "2 (the format this loader reads), got 1"),
        ({"version": 2, "platforms": {}}, "platforms", "a non-empty mapping of platform name to its entry"),
        (platforms_file(vimeo={"kind": "video", "hosts": ["vimeo.com"], "url": "x"}), "platforms.vimeo",
         "unknown field(s) ['url']"),
        (platforms_file(vimeo={"kind": "blog", "hosts": ["vimeo.com"]}), "platforms.vimeo.kind",
         "one of ['app_store', 'social', 'video', 'publishing'], got 'blog'"),
        (platforms_file(vimeo={"kind": "video"}), "platforms.vimeo", "accounts or hosts"),
        (platforms_file(vimeo={"kind": "video", "hosts": []}), "platforms.vimeo.hosts", "a non-empty list of strings"),
        (platforms_file(vimeo={"kind": "video", "hosts": ["https://vimeo.com"]}), "platforms.vimeo.hosts",
         "host names only (lower case, no scheme, path or port), got 'https://vimeo.com'"),
        (platforms_file(vimeo={"kind": "video", "hosts": ["Vimeo.com"]}), "platforms.vimeo.hosts", "host names only"),
        (platforms_file(a={"kind": "social", "hosts": ["t.me"]}, telegram=TELEGRAM), "platforms.telegram.accounts",
         "a host of one platform only, 't.me' is already in platforms.a.hosts"),
        (platforms_file(telegram={"kind": "social", "accounts": ["t.me"]}), "platforms.telegram.profile",
         "an https:// URL with {handle} in it, got None"),
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
        (platforms_file(telegram={**TELEGRAM, "walls": {"blocked": ["t.me/x"]}}), "platforms.telegram.walls",
         "verdicts among ['login wall', 'bot wall', 'not found'], got 'blocked'"),
        (platforms_file(telegram={**TELEGRAM, "walls": {"not found": ["x.com/404"]}}),
         "platforms.telegram.walls.not found", "a URL on the platform's accounts, hosts or chrome"),
    ],
    ids=["old-format", "old-version", "no-platforms", "unknown-field", "unknown-kind", "no-hosts", "empty-hosts",
         "url-for-host", "upper-case-host", "host-twice", "accounts-without-profile", "profile-off-accounts",
         "profile-without-accounts", "redirect-without-path", "redirect-off-platform", "redirect-without-param",
         "empty-walls", "unknown-verdict", "wall-off-platform"],
)
def test_malformed_platforms_file_is_refused_naming_file_and_entry(data, entry, expected):
    with pytest.raises(DataFileError) as refused:
        entries_from_data(data)
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


def test_invalid_yaml_is_refused_naming_the_file(data_dir):
    (data_dir / FILE).write_text("terms: [unclosed\n")
    with pytest.raises(DataFileError, match=r"^lexicons/test\.yaml: \(file\): valid YAML"):
        read(FILE)


def test_data_file_that_is_not_a_mapping_is_refused(data_dir):
    (data_dir / FILE).write_text("- just\n- a list\n")
    with pytest.raises(DataFileError, match=r"^lexicons/test\.yaml: \(file\): a mapping at the top level"):
        read(FILE)
