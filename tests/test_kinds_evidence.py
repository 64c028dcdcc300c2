"""assemble/kinds_evidence.py: the kind vocabulary is validated data; titles and template labels."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from pydantic import ValidationError

from jixiao.assemble.kinds_evidence import KindsVocab, is_label, title_kind
from jixiao.model import DocumentKind as K


def _vocab_dict() -> dict:
    text = resources.files("jixiao.assemble").joinpath("data", "kinds.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_vocabulary_is_validated() -> None:
    d = _vocab_dict()
    KindsVocab.model_validate(d)
    with pytest.raises(ValidationError):
        KindsVocab.model_validate({**d, "surprise": 1})
    with pytest.raises(ValidationError):  # a title cannot decide a content kind
        KindsVocab.model_validate({**d, "title": [{"kind": "blank_template", "words": ["模板"]}]})
    with pytest.raises(ValidationError):
        KindsVocab.model_validate({**d, "title": [{"kind": "self_evaluation_form", "words": [" "]}]})


@pytest.mark.parametrize(("line", "kind"), [
    ("部门预算项目支出绩效自评表(2024年度)", K.SELF_EVALUATION_FORM),
    ("项目绩效自评报告", K.SELF_EVALUATION_REPORT),
    ("2023年度部门整体支出绩效自评报告", K.DEPARTMENT_SELF_EVALUATION),
    ("项目支出绩效目标申报表", K.TARGET_DECLARATION),
    ("区域(项目)绩效目标自评表", K.SELF_EVALUATION_FORM),  # a self-evaluation of targets, not a declaration
    ("2022年度重点绩效评价报告", K.EVALUATION_REPORT),
    ("某局2023年度部门决算", K.FINAL_ACCOUNTS),
    ("关于召开工作会议的通知", None),
])
def test_title_kind(line: str, kind: K | None) -> None:
    t = title_kind(line)
    assert (t.kind if t else None) == kind


def test_template_labels_are_not_names() -> None:
    assert is_label("项目单位(盖章):") and is_label("填报人：") and is_label("")
    assert not is_label("乡村道路养护项目")
