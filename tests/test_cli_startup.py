"""The command line starts at once: ``jixiao --help`` and every ``CMD --help`` import no
pipeline, model, pandas or parser; ``extract`` of a TXT file loads no DataFrame or PDF/DOCX/XML
library and no word segmenter, and reads the file in a forked child with the limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from jixiao.batch.worker import HOOK_ENV
from jixiao.cli import COMMANDS, app, load_command

HEAVY = ("pydantic", "jixiao.model", "jixiao.pipeline", "jixiao.rules", "jixiao.assemble", "jixiao.batch.run",
         "pandas", "pyarrow", "duckdb", "jieba", "pdfplumber", "pypdfium2", "docx", "lxml", "openpyxl")
# what a TXT extract must never need
NOT_FOR_TXT = ("pandas", "pyarrow", "duckdb", "pdfplumber", "pdfminer", "pypdfium2", "docx", "openpyxl", "dask",
               "lxml", "python_calamine", "xlrd", "odf", "numpy", "jieba")

_PROBE = """
import json, sys
from jixiao.cli import app
try:
    app(sys.argv[1:], prog_name="jixiao", standalone_mode=False)
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\nMODULES=" + json.dumps(sorted(sys.modules)))
"""


def _modules(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                       timeout=120)
    assert "MODULES=" in r.stderr, r.stderr
    return set(json.loads(r.stderr.rsplit("MODULES=", 1)[1]))


def _loaded(mods: set[str], names: tuple[str, ...]) -> list[str]:
    return [n for n in names if n in mods]


def test_help_imports_nothing_heavy() -> None:
    mods = _modules("--help")
    assert _loaded(mods, HEAVY) == []
    assert "jixiao.cli.check" in mods  # the command list is real (every command module was read) ...


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_help_imports_nothing_heavy(name: str) -> None:
    mods = _modules(name, "--help")
    assert _loaded(mods, HEAVY) == []


def test_a_command_loads_only_its_own_module() -> None:
    mods = _modules("schema")
    assert "jixiao.model" in mods  # it did run
    assert _loaded(mods, ("jixiao.cli.ingest", "jixiao.cli.check", "jixiao.cli.extract")) == []


def test_extract_of_a_txt_loads_no_dataframe_or_other_format_parser() -> None:
    mods = _modules("extract", "corpus/seed-004/report.txt", "--no-rules")
    # the file is read in an isolated worker (issue 14): the command process only runs the batch path
    assert "jixiao.batch.documents" in mods
    assert _loaded(mods, NOT_FOR_TXT) == []
    assert "jixiao.rules" not in mods  # --no-rules: the rule catalogue is never loaded


_PIPELINE_PROBE = """
import json, sys
from jixiao.pipeline import path_to_document
assert path_to_document(sys.argv[1]).status == "ok"
sys.stderr.write("\\nMODULES=" + json.dumps(sorted(sys.modules)))
"""


def test_extract_of_a_txt_with_rules_loads_only_the_txt_path() -> None:
    # seed 004's narrative has counts TXT004 links to indicators (no segmenter any more)
    mods = _modules("extract", "corpus/seed-004/report.txt")
    assert _loaded(mods, NOT_FOR_TXT) == []
    # the parent loaded the stages once and forked the worker (batch/fork.py): no second import
    assert {"jixiao.pipeline", "jixiao.rules", "jixiao.batch.fork"} <= mods
    # what the forked child imports on top: the same run in one process
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", _PIPELINE_PROBE, "corpus/seed-004/report.txt"], capture_output=True,
                       text=True, env=env, cwd=ROOT, timeout=120)
    child = set(json.loads(r.stderr.rsplit("MODULES=", 1)[1]))
    assert "jixiao.extract.text" in child and "jixiao.rules.text" in child
    assert _loaded(child, NOT_FOR_TXT) == []
    assert _loaded(child, tuple(f"jixiao.extract.{m}" for m in ("pdf", "pdf_pdfium", "docx", "xlsx", "html", "ods"))) == []


def _extract(path: str, *args: str, hook: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), HOOK_ENV: hook}
    return subprocess.run([sys.executable, "-m", "jixiao", "extract", path, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def test_extract_reads_the_file_in_a_child_that_may_crash() -> None:
    r = _extract("corpus/seed-004/report.txt", hook="segv:seed-004")
    assert r.returncode == 1  # the command itself survived the crash and reported it
    assert json.loads(r.stdout)["status"] == "error"
    assert "工作进程异常退出（信号 SIGSEGV" in r.stderr


def test_extract_caps_the_child_memory_not_the_command() -> None:
    r = _extract("corpus/seed-004/report.txt", "--memory-limit", "1024", hook="alloc:seed-004:3072")
    assert r.returncode == 1 and "超出资源限制" in r.stderr
    r = _extract("corpus/seed-004/report.txt", "--memory-limit", "0", hook="alloc:seed-004:64")
    assert r.returncode == 0 and json.loads(r.stdout)["status"] == "ok"  # 0: no cap


def test_registry_names_match_the_commands() -> None:
    for name in COMMANDS:
        assert load_command(name).name == name
    assert app.list_commands(None) == list(COMMANDS)  # type: ignore[arg-type]


_PARENT_PROBE = """
import json, sys
from jixiao.model import Document
import jixiao.serialize as S

calls = {"document": 0, "canonical_json": 0}


class Counting:
    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):
        if name.startswith("validate"):
            calls["document"] += 1
        return getattr(self.inner, name)


Document.__pydantic_validator__ = Counting(Document.__pydantic_validator__)
_orig = S.canonical_json


def counted(obj):
    calls["canonical_json"] += 1
    return _orig(obj)


S.canonical_json = counted
from jixiao.cli import app
try:
    app(sys.argv[1:], prog_name="jixiao", standalone_mode=False)
except SystemExit:
    pass
sys.stdout.flush()
from jixiao import catalogue_cache
sys.stderr.write("\\nPARENT=" + json.dumps({"calls": calls, "catalogues": catalogue_cache.STATS}))
"""


def _parent(cache: str, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JIXIAO_CACHE_DIR": cache}
    r = subprocess.run([sys.executable, "-c", _PARENT_PROBE, *args], capture_output=True, text=True, env=env,
                       cwd=ROOT, timeout=120)
    assert "PARENT=" in r.stderr, r.stderr
    return r, json.loads(r.stderr.rsplit("PARENT=", 1)[1])


def test_extract_prints_the_workers_text_and_builds_no_document_itself(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r, seen = _parent(str(tmp_path), "extract", "corpus/seed-004/report.txt")
    out = json.loads(r.stdout)
    assert out["status"] == "ok" and out["reports"] and out["findings"]  # the whole document was printed ...
    assert seen["calls"] == {"document": 0, "canonical_json": 0}  # ... but validated and written by the worker
    # a file the command refuses itself is still written here, with the same text
    (tmp_path / "x.xyz").write_bytes(b"not a report format")
    r, seen = _parent(str(tmp_path), "extract", str(tmp_path / "x.xyz"))
    assert json.loads(r.stdout)["status"] == "error" and seen["calls"]["canonical_json"] == 1


def test_extract_reads_the_catalogues_from_the_cache_the_second_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, first = _parent(str(tmp_path), "extract", "corpus/seed-004/report.txt")
    assert {"roles", "vocab-units", "kinds", "rules_config", "families"} <= set(first["catalogues"])
    assert set(first["catalogues"].values()) == {"miss"}  # validated, then written
    r, second = _parent(str(tmp_path), "extract", "corpus/seed-004/report.txt")
    assert second["catalogues"] == {name: "hit" for name in first["catalogues"]}  # none validated again
    assert json.loads(r.stdout)["status"] == "ok"
