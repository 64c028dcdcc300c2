"""jixiao.catalogue_cache: a validated catalogue is read back from the user cache only for the
same bytes and code; a corrupt, foreign or stale entry is validated again; an unwritable or
disabled cache is no error; a validation error is never cached."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from pydantic import BaseModel, ConfigDict, ValidationError

from jixiao import catalogue_cache as cc


class Toy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    words: tuple[str, ...]


class Other(BaseModel):
    words: tuple[str, ...]


def _load(raw: bytes, calls: list[int] | None = None, name: str = "toy") -> Toy:
    def validate() -> Toy:
        if calls is not None:
            calls.append(1)
        return Toy.model_validate(json.loads(raw))

    return cc.load_catalogue(name, Toy, [raw], validate, modules=[__name__])


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cc.ENV, str(tmp_path / "c"))
    return tmp_path / "c" / cc.SUBDIR


def _entries(cache: Path, name: str = "toy") -> list[Path]:
    return sorted(cache.glob(f"{name}-*.pickle"))


def test_second_load_reads_the_entry_without_validating(cache: Path) -> None:
    calls: list[int] = []
    first = _load(b'{"words": ["a", "b"]}', calls)
    assert cc.STATS["toy"] == "miss" and calls == [1] and len(_entries(cache)) == 1
    second = _load(b'{"words": ["a", "b"]}', calls)
    assert cc.STATS["toy"] == "hit" and calls == [1]  # not validated again
    assert second == first and second.words == ("a", "b")


def test_changed_bytes_are_validated_again_and_replace_the_old_entry(cache: Path) -> None:
    calls: list[int] = []
    _load(b'{"words": ["a"]}', calls)
    old = _entries(cache)
    changed = _load(b'{"words": ["z"]}', calls)
    assert changed.words == ("z",) and calls == [1, 1] and cc.STATS["toy"] == "miss"
    assert len(_entries(cache)) == 1 and _entries(cache) != old  # the stale entry is gone


def test_changed_code_changes_the_key(cache: Path, tmp_path: Path) -> None:
    mod = tmp_path / "fake_validator.py"
    mod.write_text("X = 1\n", encoding="utf-8")
    sys.modules["fake_validator"] = type(sys)("fake_validator")
    sys.modules["fake_validator"].__file__ = str(mod)
    try:
        k1 = cc.catalogue_key([b"data"], ["fake_validator"])
        mod.write_text("X = 2\n", encoding="utf-8")
        assert cc.catalogue_key([b"data"], ["fake_validator"]) != k1
        with pytest.raises(OSError):
            cc.catalogue_key([b"data"], ["no_such_module_here"])
    finally:
        del sys.modules["fake_validator"]


def test_a_dependency_key_is_part_of_the_key(cache: Path) -> None:
    cc.KEYS["dep-a"] = "1"
    k1 = cc.catalogue_key([b"data"], [], depends=["dep-a"])
    cc.KEYS["dep-a"] = "2"  # the catalogue it reads changed
    assert cc.catalogue_key([b"data"], [], depends=["dep-a"]) != k1
    with pytest.raises(KeyError):
        cc.catalogue_key([b"data"], [], depends=["never-loaded"])


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95truncated"])
def test_a_corrupt_entry_is_validated_again_and_rewritten(cache: Path, garbage: bytes) -> None:
    raw = b'{"words": ["a"]}'
    _load(raw)
    (entry,) = _entries(cache)
    entry.write_bytes(garbage)
    calls: list[int] = []
    again = _load(raw, calls)
    assert again.words == ("a",) and calls == [1] and cc.STATS["toy"] == "miss"
    assert entry.read_bytes() != garbage  # rewritten ...
    assert _load(raw, calls) == again and calls == [1]  # ... and good for the next process


def test_an_entry_of_another_type_is_not_used(cache: Path) -> None:
    import pickle

    raw = b'{"words": ["a"]}'
    _load(raw)
    (entry,) = _entries(cache)
    entry.write_bytes(pickle.dumps(Other(words=("evil",))))
    assert _load(raw).words == ("a",) and cc.STATS["toy"] == "miss"


def test_a_validation_error_is_raised_and_not_cached(cache: Path) -> None:
    with pytest.raises(ValidationError):
        _load(b'{"words": ["a"], "extra": 1}')
    assert _entries(cache) == []


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv(cc.ENV, str(blocker))
    assert _load(b'{"words": ["a"]}').words == ("a",)
    assert cc.STATS["toy"] == "unwritable"


def test_the_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cc.ENV, "off")
    assert cc.cache_dir() is None
    calls: list[int] = []
    _load(b'{"words": ["a"]}', calls)
    _load(b'{"words": ["a"]}', calls)
    assert calls == [1, 1] and cc.STATS["toy"] == "off"


def test_default_directory_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cc.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert cc.cache_dir() == tmp_path / "jixiao"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
        assert cc.cache_dir() == Path.home() / ".cache" / "jixiao"


# ------------------------------------------------------------ the shipped catalogues

_PROBE = """
import json, sys
import jixiao.pipeline, jixiao.rules, jixiao.assemble.prose, jixiao.extract.web_chrome
from jixiao.normalize import headers
from jixiao.extract import hanzi
headers._rows()
hanzi.traditional_chars()
from jixiao import catalogue_cache as cc
from jixiao.assemble import prose_vocab, kinds_evidence
from jixiao.normalize import vocab, roles
from jixiao.rules import config
models = [prose_vocab.ProseVocab, kinds_evidence.KindsVocab, vocab.UnitTable, roles.Catalogue, config.RulesConfig]
complete = [m.__pydantic_complete__ for m in models]  # before model_dump builds a serializer
dump = {"prose": prose_vocab.VOCAB.model_dump(mode="json"), "units": vocab.UNITS.model_dump(mode="json"),
        "roles": roles.CATALOGUE.model_dump(mode="json"), "rules": jixiao.rules.DEFAULT.model_dump(mode="json"),
        "kinds": kinds_evidence.vocab().model_dump(mode="json"), "trad": sorted(hanzi.traditional_chars())}
print(json.dumps({"stats": cc.STATS, "complete": complete, "dump": dump}))
"""


def _probe(cache_dir: str) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": str(ROOT), cc.ENV: cache_dir}
    r = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def test_shipped_catalogues_are_read_back_identical(tmp_path: Path) -> None:
    first = _probe(str(tmp_path))
    names = set(first["stats"])
    assert {"roles", "prose", "vocab-units", "kinds", "rules_config", "families", "budget_rows", "web_chrome",
            "traditional_chars"} <= names
    assert set(first["stats"].values()) == {"miss"}
    second = _probe(str(tmp_path))
    assert second["stats"] == {n: "hit" for n in names}  # every catalogue from the cache
    assert second["complete"] == [False] * 5  # and no catalogue model built its validator
    off = _probe("off")
    assert set(off["stats"].values()) == {"off"}
    assert second["dump"] == first["dump"] == off["dump"]  # the same content as a fresh validation


def test_an_entry_is_not_pruned_by_a_catalogue_whose_name_extends_it(cache: Path) -> None:
    _load(b'{"words": ["a"]}', name="toy")
    _load(b'{"words": ["b"]}', name="toy-user")
    _load(b'{"words": ["c"]}', name="toy-user")  # replaces toy-user's entry only
    assert len(_entries(cache, "toy")) == 2  # toy-… and toy-user-…
    calls: list[int] = []
    assert _load(b'{"words": ["a"]}', calls, name="toy").words == ("a",) and calls == []
