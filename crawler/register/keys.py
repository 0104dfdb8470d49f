"""The key client identifiers are hashed with, and the hashing.

Client ids, e-mail addresses, referral codes and click ids are replaced on import by HMAC-SHA256 under a key the
firm keeps: the same client gets the same pseudonym in every run (so the register joins onboarding and services
files, and runs compare), and without the key nobody can test a guessed id against the store. The key comes from
`--key-file FILE`, else `$FOOTPRINT_REGISTER_KEY_FILE`, else `$FOOTPRINT_REGISTER_KEY`; it is never written
anywhere by footprint. Only a short fingerprint of it (`key_id`) is stored with each import, so that a run with
another key is told its pseudonyms will not match the earlier ones.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from crawler.config.defaults import REGISTER_KEY_ENV, REGISTER_KEY_FILE_ENV, REGISTER_KEY_MIN_BYTES
from detectors.inputs import InputError

PSEUDONYM_HEX = 24  # 96 bits: no collisions among any firm's clients, short enough to read in a report
# An e-mail address inside a kept text field (a campaign name, a landing path): replaced by its pseudonym.
EMAIL = re.compile(r"[^\s@<>()\[\],;:\"'/?#&=]+@[^\s@<>()\[\],;:\"'/?#&=]+\.[A-Za-z]{2,}")
SOURCE = "register key"


@dataclass(frozen=True)
class Pseudonymiser:
    key: bytes

    def __call__(self, value: str) -> str:
        """The pseudonym of an identifier, compared as written (spaces around it ignored): client ids may tell
        letter case apart."""
        digest = hmac.new(self.key, value.strip().encode("utf-8"), hashlib.sha256).hexdigest()
        return digest[:PSEUDONYM_HEX]

    @property
    def key_id(self) -> str:
        return hmac.new(self.key, b"footprint register key id", hashlib.sha256).hexdigest()[:12]

    def scrub(self, text: str) -> str:
        """`text` with every e-mail address in it replaced by `email:<pseudonym>` (of the address in lower case)."""
        return EMAIL.sub(lambda m: f"email:{self(m.group(0).casefold())}", text)  # addresses ignore case


def load_key(key_file: str | None, env: Mapping[str, str] | None = None,
             keep_out_of: tuple[Path, ...] = ()) -> Pseudonymiser:
    """The key from `key_file`, `$FOOTPRINT_REGISTER_KEY_FILE` or `$FOOTPRINT_REGISTER_KEY` (in that order); an
    InputError saying how to give one when there is none, it is too short, or the key file lies inside one of
    `keep_out_of` (the store's folder, the report folder: the key must not travel with what it protects)."""
    env = os.environ if env is None else env
    path = key_file or env.get(REGISTER_KEY_FILE_ENV, "").strip()
    if path:
        where = "--key-file" if key_file else f"${REGISTER_KEY_FILE_ENV}"
        file = Path(path).expanduser()
        for folder in keep_out_of:
            if file.resolve().is_relative_to(folder.resolve()):
                raise InputError(str(file), where, f"a key file kept outside {folder} (the key must not sit with "
                                                   "the store or the reports it protects)")
        try:
            key = file.read_bytes().strip()
        except OSError as exc:
            raise InputError(str(file), where, f"a readable key file ({exc.strerror})") from None
    else:
        key = env.get(REGISTER_KEY_ENV, "").strip().encode("utf-8")
        where = f"${REGISTER_KEY_ENV}"
        if not key:
            raise InputError(SOURCE, "(none given)",
                             f"a secret key to hash client ids with: set ${REGISTER_KEY_ENV} or "
                             f"${REGISTER_KEY_FILE_ENV}, or give --key-file FILE (at least {REGISTER_KEY_MIN_BYTES} "
                             "bytes, e.g. `openssl rand -hex 32`; keep it outside the store: footprint never "
                             "writes it)")
    if len(key) < REGISTER_KEY_MIN_BYTES:
        raise InputError(SOURCE, where, f"a key of at least {REGISTER_KEY_MIN_BYTES} bytes (it has {len(key)}); "
                                        "e.g. `openssl rand -hex 32`")
    return Pseudonymiser(key)
