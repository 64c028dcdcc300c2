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
