"""No code keyed to one file: the package (code and data files) names no project, code,
department or person of the seed reports.  The strings come from the seeds' golden outputs,
so a new seed extends the check by itself.  The same holds for the template-family fixtures
(corpus/family-*): their projects and departments (expected.json) and their implementing units and
people (``names`` in each case's meta.toml) are fictional and must never appear in jixiao/."""

from __future__ import annotations

import json
import tomllib

from conftest import CORPUS, ROOT


def _seed_strings() -> set[str]:
    out: set[str] = set()
    for gt in sorted(CORPUS.glob("seed-*/report.gt.json")):
        for rep in json.loads(gt.read_text(encoding="utf-8"))["reports"]:
            for key in ("project_name", "department", "implementer"):
                if rep.get(key):
                    out.add(rep[key]["text"].rstrip("*"))
            if rep.get("project_code"):
                out.add(rep["project_code"])
    # signatures at the foot of the forms (项目负责人：… / 财务负责人：…)
    for src in sorted(CORPUS.glob("seed-*/report.txt")):
        for line in src.read_text(encoding="utf-8").splitlines():
            for label in ("项目负责人：", "财务负责人："):
                if label in line:
                    name = line.split(label, 1)[1].strip()
                    if name:
                        out.add(name)
    return {s for s in out if len(s) >= 2}


def _family_strings() -> set[str]:
    out: set[str] = set()
    for exp in sorted(CORPUS.glob("family-*/expected.json")):
        for rep in json.loads(exp.read_text(encoding="utf-8"))["reports"]:
            out |= {rep[k] for k in ("project_name", "department") if rep.get(k)}
    for meta in sorted(CORPUS.glob("family-*/meta.toml")):
        out |= set(tomllib.loads(meta.read_text(encoding="utf-8")).get("names", []))
    return {s for s in out if len(s) >= 2}


def _package_hits(strings: set[str]) -> list[str]:
    hits = []
    for f in sorted((ROOT / "jixiao").rglob("*")):
        if f.suffix not in {".py", ".toml", ".txt", ".json"}:
            continue
        text = f.read_text(encoding="utf-8")
        hits += [f"{f.relative_to(ROOT)}: {s}" for s in strings if s in text]
    return hits


def test_package_names_no_seed_project_or_person() -> None:
    strings = _seed_strings()
    assert len(strings) >= 15  # the check has teeth: six 004 projects, four narratives, codes, people
    assert _package_hits(strings) == []


def test_package_names_no_family_fixture_project_department_or_person() -> None:
    strings = _family_strings()
    # five families: six projects, their departments and implementing units, two people each
    assert len(strings) >= 25
    assert {"岚溪县水利局", "柏岭市民政局", "柯明远"} <= strings
    assert _package_hits(strings) == []
