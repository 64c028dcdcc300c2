"""The normalisation vocabularies (jixiao/normalize/data/*.toml) are validated when loaded:
a malformed entry fails loudly (VocabError) — at import time for the shipped files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.model import Comparator
from jixiao.normalize import grade_of, is_unit, parse_comparator, parse_quantity, resolve_unit
from jixiao.normalize import vocab as V

ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "bad.toml"
    p.write_text(text, "utf-8")
    return p


def test_shipped_files_load_and_are_the_module_tables() -> None:
    assert V.load_units() == V.UNITS
    assert V.load_multipliers() == V.MULTIPLIERS
    assert V.load_comparators() == V.COMPARATORS
    assert V.load_qualitative() == V.QUALITATIVE
    assert V.load_phrases() == V.PHRASES


def test_every_unit_spelling_is_a_unit_and_resolves_to_its_name() -> None:
    for u in V.UNITS.unit:
        for s in (u.name, *u.aliases):
            assert is_unit(s), s
            got = resolve_unit(s)
            assert got is not None and got.unit == u.name and got.known, s


def test_not_units_are_not_units() -> None:
    for s in V.UNITS.not_units:
        assert not is_unit(s), s
        assert resolve_unit(s) is None, s


def test_every_comparator_spelling_parses_to_its_symbol() -> None:
    for c in V.COMPARATORS.comparator:
        want = "定性" if c.symbol == "定性" else Comparator(c.symbol)
        for s in (*c.prefix, *c.suffix, *c.word):
            assert parse_comparator(s) == want, s


def test_every_prefix_comparator_works_in_front_of_a_value() -> None:
    for c in V.COMPARATORS.comparator:
        for s in c.prefix:
            q = parse_quantity(f"{s}2次")
            assert (q.comparator, q.value, q.unit) == (Comparator(c.symbol), 2, "次"), s


def test_every_suffix_comparator_works_after_a_value() -> None:
    for c in V.COMPARATORS.comparator:
        for s in c.suffix:
            q = parse_quantity(f"2次{s}")
            assert (q.comparator, q.value, q.unit) == (Comparator(c.symbol), 2, "次"), s


def test_every_grade_spelling_names_its_grade() -> None:
    for g in V.QUALITATIVE.grade:
        for s in (g.grade, *g.aliases):
            assert grade_of(s) == g.grade, s


def test_every_qualitative_word_parses_to_its_label() -> None:
    for w in V.QUALITATIVE.word:
        for s in (w.label, *w.aliases):
            q = parse_quantity(s)
            assert (q.kind, q.label, q.polarity, q.grade) == ("qualitative", w.label, w.polarity, w.grade), s


def _phrases(**override: str) -> str:
    """A minimal valid phrases.toml with some sections replaced."""
    parts = {
        "numerals": '[numerals]\nhalf = ["半"]\nmeasure_half = ["个半"]\nfraction = ["分之"]\n',
        "approx": '[approx]\nprefix = ["约"]\n',
        "phrase": '[phrase]\nbefore = ["为"]\n',
        "period": '[[period]]\nper = "年"\nprefix = ["每年"]\n',
        "dates": '[dates]\nle = ["前"]\nday = ["日"]\n',
    }
    parts.update(override)
    return "".join(parts.values())


def test_minimal_phrases_file_loads(tmp_path: Path) -> None:
    assert V.load_phrases(_write(tmp_path, _phrases())).period[0].per == "年"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (_phrases(dates='[dates]\nle = ["前"]\nge = ["前"]\nday = ["日"]\n'), "both"),
        (_phrases(dates='[dates]\nle = ["前"]\nday = ["日"]\nmonth_end = ["日"]\n'), "both"),
        (_phrases(dates='[dates]\nle = ["前"]\nday = ["日"]\ndekad = { "下旬" = 31 }\n'), "day 1–28"),
        (_phrases(dates='[dates]\nle = []\nday = ["日"]\n'), "le"),
        (_phrases(period='[[period]]\nper = "年"\nprefix = ["每年"]\n[[period]]\nper = "月"\nprefix = ["每年"]\n'),
         "both"),
        (_phrases(period='[[period]]\nper = "年"\n[[period]]\nper = "年"\n'), "both"),
        (_phrases(phrase='[phrase]\nbefore = ["为", "为"]\n'), "both"),
        (_phrases(phrase='[phrase]\nmax_length = 2\n'), "max_length"),
        (_phrases(numerals='[numerals]\nhalf = []\nmeasure_half = ["个半"]\nfraction = ["分之"]\n'), "half"),
        (_phrases(approx='[approx]\nprefix = [" "]\n'), "blank"),
        (_phrases(dates=""), "dates"),
    ],
)
def test_bad_phrases_fail_loudly(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(V.VocabError) as e:
        V.load_phrases(_write(tmp_path, text))
    assert needle in str(e.value)


def test_an_approximation_may_not_be_a_comparator(tmp_path: Path) -> None:
    """约 / 左右 state no direction: listing one as a comparator or filler fails at import."""
    bad = V.load_phrases(_write(tmp_path, _phrases(approx='[approx]\nprefix = ["不少于"]\n')))
    with pytest.raises(V.VocabError) as e:
        V._approx_not_comparators(bad.approx, V.COMPARATORS)
    assert "不少于" in str(e.value)


def test_every_period_word_makes_a_compound_unit() -> None:
    for p in V.PHRASES.period:
        for s in p.prefix:
            q = parse_quantity(f"{s}2次")
            assert (q.value, q.unit, q.base_unit) == (2, f"次/{p.per}", f"次/{p.per}"), s
        for s in p.suffix:
            q = parse_quantity(f"2次{s}")
            assert (q.value, q.unit) == (2, f"次/{p.per}"), s


def test_every_approximation_word_flags_and_states_no_direction() -> None:
    for s in V.PHRASES.approx.prefix:
        q = parse_quantity(f"{s}2次")
        assert (q.approx, q.comparator, q.value, q.unit) == (True, None, 2, "次"), s
    for s in V.PHRASES.approx.suffix:
        q = parse_quantity(f"2次{s}")
        assert (q.approx, q.comparator, q.value, q.unit) == (True, None, 2, "次"), s
    for s in V.PHRASES.approx.plus:
        q = parse_quantity(f"20{s}次")
        assert (q.approx, q.comparator, q.value, q.unit) == (True, None, 20, "次"), s
        q = parse_quantity(f"2万{s}人")
        assert (q.approx, q.value, q.unit, q.base_value) == (True, 2, "万人", 20000), s


def test_every_link_word_is_dropped_from_the_subject_and_states_no_direction() -> None:
    for s in V.PHRASES.phrase.before:
        q = parse_quantity(f"覆盖率{s}95%")
        assert (q.subject, q.comparator, q.value, q.unit) == ("覆盖率", None, 95, "%"), s
    for s in V.PHRASES.phrase.after:
        q = parse_quantity(f"培训人数不少于30人{s}")
        assert (q.subject, q.comparator, q.value, q.unit) == ("培训人数", Comparator.GE, 30, "人"), s


def test_every_deadline_word() -> None:
    for s in V.PHRASES.dates.le:
        assert (parse_quantity(f"12月31日{s}").comparator, parse_quantity(f"12月31日{s}").date) == (
            Comparator.LE, "--12-31"), s
    for s in V.PHRASES.dates.ge:
        assert parse_quantity(f"12月31日{s}").comparator == Comparator.GE, s
    for s in V.PHRASES.dates.before:
        q = parse_quantity(f"{s}12月31日前", year_hint=2024)
        assert (q.kind, q.date) == ("date", "2024-12-31"), s
    for s in V.PHRASES.dates.on_time:
        q = parse_quantity(s)
        assert (q.kind, q.comparator, q.date, q.label) == ("date", Comparator.LE, None, "按时"), s
    for s in V.PHRASES.dates.quarter:
        for e in V.PHRASES.dates.month_end:
            assert parse_quantity(f"三{s}{e}前").date == "--09-30", s + e
    for s in V.PHRASES.dates.year_end:
        assert parse_quantity(f"{s}前", year_hint=2023).date == "2023-12-31", s
    for s in V.PHRASES.dates.year_scope:
        for w in V.PHRASES.dates.within:
            assert parse_quantity(f"{s}{w}", year_hint=2023).date == "2023-12-31", s + w


@pytest.mark.parametrize(
    ("loader", "text", "needle"),
    [
        (V.load_units, '[[unit]]\nname = "人"\nkind = "people"\n', "kind"),
        (V.load_units, '[[unit]]\nname = "人"\nkind = "count"\n[[unit]]\nname = "口"\nkind = "count"\naliases = ["人"]\n',
         "both"),
        (V.load_units, '[[unit]]\nname = ""\nkind = "count"\n', "name"),
        (V.load_units, '[[unit]]\nname = "年"\nkind = "duration"\nbase = "月份"\nfactor = "12"\n', "same kind"),
        (V.load_units, '[[unit]]\nname = "个月"\nkind = "duration"\n[[unit]]\nname = "年"\nkind = "duration"\n'
                       'base = "个月"\n', "go together"),
        (V.load_units, '[[unit]]\nname = "个月"\nkind = "duration"\n[[unit]]\nname = "年"\nkind = "duration"\n'
                       'base = "个月"\nfactor = 12\n', "decimal string"),
        (V.load_units, '[[unit]]\nname = "人"\nkind = "count"\ncolour = "red"\n', "colour"),
        (V.load_units, 'not_units = ["人"]\n[[unit]]\nname = "人"\nkind = "count"\n', "not_units"),
        (V.load_units, '[[unit]\nname = "人"\n', "无法读取"),
        (V.load_multipliers, '[[multiplier]]\nprefix = "万"\nfactor = 10000\n', "decimal string"),
        (V.load_multipliers, '[[multiplier]]\nprefix = "万"\nfactor = "abc"\n', "not a decimal"),
        (V.load_multipliers, '[[multiplier]]\nprefix = "万"\nfactor = "0.5"\n', "> 1"),
        (V.load_multipliers, '[[multiplier]]\nprefix = "万"\nfactor = "10000"\n[[multiplier]]\nprefix = "万"\nfactor = "1000"\n',
         "both"),
        (V.load_comparators, '[[comparator]]\nsymbol = "≈"\nprefix = ["约"]\n', "symbol"),
        (V.load_comparators, '[[comparator]]\nsymbol = "≥"\nprefix = ["不少于"]\n[[comparator]]\nsymbol = "≤"\nprefix = ["不少于"]\n',
         "both"),
        (V.load_comparators, '[[comparator]]\nsymbol = "≥"\n[[comparator]]\nsymbol = "≥"\n', "twice"),
        (V.load_qualitative, '[[grade]]\ngrade = "优"\npolarity = 1\n[[word]]\nlabel = "好"\npolarity = 1\n', "exactly one"),
        (V.load_qualitative,
         '[[grade]]\ngrade = "优"\npolarity = 1\n[[grade]]\ngrade = "良"\npolarity = 1\n[[grade]]\ngrade = "中"\npolarity = 0\n'
         '[[grade]]\ngrade = "差"\npolarity = -1\n[[word]]\nlabel = "好"\npolarity = 2\n', "polarity"),
        (V.load_qualitative,
         '[[grade]]\ngrade = "优"\npolarity = 1\n[[grade]]\ngrade = "良"\npolarity = 1\n[[grade]]\ngrade = "中"\npolarity = 0\n'
         '[[grade]]\ngrade = "差"\npolarity = -1\n[[word]]\nlabel = "优"\npolarity = 1\ngrade = "良"\n', "grade"),
    ],
)
def test_bad_vocab_fails_loudly(tmp_path: Path, loader, text: str, needle: str) -> None:
    with pytest.raises(V.VocabError) as e:
        loader(_write(tmp_path, text))
    assert needle in str(e.value)


def test_missing_file_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(V.VocabError):
        V.load_units(tmp_path / "nope.toml")


def test_bad_shipped_file_fails_at_import(tmp_path: Path) -> None:
    """A copy of the package with a broken units.toml cannot even be imported."""
    pkg = tmp_path / "jixiao"
    shutil.copytree(ROOT / "jixiao", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    units = pkg / "normalize" / "data" / "units.toml"
    units.write_text(units.read_text("utf-8") + '\n[[unit]]\nname = "人"\nkind = "count"\n', "utf-8")
    r = subprocess.run([sys.executable, "-c", "import jixiao.normalize"], cwd=tmp_path, capture_output=True,
                       text=True, env={"PYTHONPATH": str(tmp_path), "PATH": ""}, timeout=60)
    assert r.returncode != 0
    assert "VocabError" in r.stderr and "units.toml" in r.stderr
