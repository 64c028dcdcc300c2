"""Rule configuration: documented defaults, user overlays, validation with Chinese errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.errors import JixiaoError
from jixiao.rules import ConfigError, load_config


def test_defaults() -> None:
    cfg = load_config()
    assert cfg.scores.total == 100 and cfg.scores.budget_weights == [10, 20]
    assert cfg.scores.tolerance == Decimal("0.01") and cfg.scores.rounding == ["half_up", "truncate"]
    assert cfg.budget.reason_required_below == 90 and cfg.indicators.over_achievement == 130
    assert [b.grade for b in cfg.grades] == ["优", "良", "中", "差"]


@pytest.mark.parametrize(("text", "grade"), [("优秀", "优"), ("良好", "良"), ("一等", "优"), ("不合格", "差"),
                                             ("评价等级 0 优秀", "优"), ("中等", "中"), ("", None), ("待定", None)])
def test_grade_words(text: str, grade: str | None) -> None:
    assert load_config().grade_of(text) == grade


@pytest.mark.parametrize(("total", "band"), [("97.19", "优"), ("90", "优"), ("89.99", "良"), ("89", "良"),
                                             ("60", "中"), ("59.5", "差")])
def test_bands(total: str, band: str) -> None:
    # seed 001: 97.19 优秀; seed 002: 89 良 (优≧90分、80≦良＜90分，60≦中＜80分、差＜60分)
    assert load_config().band_of(Decimal(total)) == band


def test_overlay_changes_only_named_keys(tmp_path: Path) -> None:
    p = tmp_path / "sichuan.toml"
    p.write_text("[budget]\nreason_required_below = 80\n[scores]\nbudget_weights = [20]\n", encoding="utf-8")
    cfg = load_config(p)
    assert cfg.budget.reason_required_below == 80 and cfg.scores.budget_weights == [20]
    assert cfg.scores.total == 100 and cfg.indicators.over_achievement == 130


@pytest.mark.parametrize("text", ["[scores]\ntotl = 1\n", "[scores]\ntotal = 'x'\n", "[[grades]]\ngrade='优'\n",
                                  "[severity]\nBUD001 = 'fatal'\n", "[budget\n"])
def test_bad_config_raises_config_error(tmp_path: Path, text: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(p)
    assert isinstance(e.value, JixiaoError) and "规则配置文件" in str(e.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="无法读取规则配置文件"):
        load_config(tmp_path / "nope.toml")
