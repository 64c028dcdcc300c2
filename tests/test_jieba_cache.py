"""jieba (word overlap of narrative clauses) is loaded on first need and keeps its dictionary
cache in the user cache directory, not the shared temporary directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

_PROBE = """
import sys
from jixiao.rules import text
assert "jieba" not in sys.modules, "jieba imported with the rules"
words = text._words("完成道路硬化里程")
assert "jieba" in sys.modules and words
"""


def test_jieba_is_lazy_and_caches_under_the_user_cache_dir(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert [p.name for p in (tmp_path / "jixiao").iterdir()] == ["jieba.cache"]
