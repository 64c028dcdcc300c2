"""``jixiao check`` and ``jixiao rules`` on the real seeds."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from jixiao.cli import app
from jixiao.rules import REGISTRY

SEED4 = "corpus/seed-004/report.txt"
SEED0 = "corpus/seed-000/report.txt"


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, list(args))
    return res.exit_code, res.output


def test_check_text_groups_by_report_and_shows_numbers() -> None:
    code, out = run("check", SEED4)
    assert code == 1
    assert out.startswith(f"{SEED4}：6份报告")
    assert " 报告5：医保工作经费*" in out  # numbered from 1
    # the stated rate, the two amounts and the recomputed rate, the Chinese message and the English title
    # (the displayed precision allows the stated rate: info, not an error — rules calibration)
    assert ("BUD002 [提示 info] 预算执行率与执行数/调整后预算数不符：填报94.77%，83.39/88.00 = 94.76%（按金额的显示精度，"
            "执行率可在94.75%–94.77%之间，差异或来自未显示的小数位）（无法从显示的数字确认）") in out
    assert "应为 94.76%；实际 94.77%" in out
    assert f"位置 {SEED4} 文本第837行 表5 第7行第6列：“94.77%”" in out
    assert out.rstrip().splitlines()[-1].startswith("共检查1个文件、6份报告")


def test_check_json_and_fail_on() -> None:
    code, out = run("check", SEED0, "--format", "json")
    data = json.loads(out)
    assert code == 1
    [doc] = data["documents"]
    assert doc["source"] == SEED0 and doc["status"] == "ok"
    ids = [f["rule_id"] for f in doc["findings"]]
    assert "IND001" in ids  # 补助人数（人） 18 vs 18.74万人
    assert data["summary"]["error"] == sum(f["severity"] == "error" for f in doc["findings"])
    assert run("check", SEED0, "--fail-on", "never")[0] == 0
    assert run("check", SEED0, "--ignore", "IND001")[0] == 0  # nothing else wrong in seed 000


def test_select_and_ignore() -> None:
    code, out = run("check", SEED4, "--format", "json", "--select", "TXT", "--ignore", "TXT002")
    ids = {f["rule_id"] for f in json.loads(out)["documents"][0]["findings"]}
    assert ids == {"TXT001", "TXT004", "TXT006"}  # 临聘 unfilled; 防贫保 24户 vs 49户; 超额完成 vs 17.67万人 < 18万人
    code, out = run("check", SEED4, "--select", "NOPE1")
    assert code == 2 and "未知的规则编号或前缀：NOPE1" in out


def test_config_overrides_threshold_and_severity(tmp_path: Path) -> None:
    cfg = tmp_path / "r.toml"
    cfg.write_text('[indicators]\nover_achievement = 500\n[severity]\nBUD008 = "info"\n', encoding="utf-8")
    _, base = run("check", SEED4, "--format", "json")
    _, out = run("check", SEED4, "--format", "json", "--config", str(cfg))
    before = json.loads(base)["documents"][0]["findings"]
    after = json.loads(out)["documents"][0]["findings"]
    assert any(f["rule_id"] == "IND006" for f in before) and not any(f["rule_id"] == "IND006" for f in after)
    assert {f["severity"] for f in before if f["rule_id"] == "BUD008"} == {"error"}
    assert {f["severity"] for f in after if f["rule_id"] == "BUD008"} == {"info"}


def test_bad_config_is_a_clean_error(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[scores]\ntotl = 100\n", encoding="utf-8")
    code, out = run("check", SEED0, "--config", str(cfg))
    assert code == 2 and "规则配置文件" in out and "Traceback" not in out
    cfg.write_text('[severity]\nBUD999 = "info"\n', encoding="utf-8")
    code, out = run("check", SEED0, "--config", str(cfg))
    assert code == 2 and "未知的规则编号：BUD999" in out
    cfg.write_text('[severity]\nBUD001 = "fatal"\n', encoding="utf-8")
    assert run("check", SEED0, "--config", str(cfg))[0] == 2
    cfg.write_text("[scores\n", encoding="utf-8")
    code, out = run("check", SEED0, "--config", str(cfg))
    assert code == 2 and "不是有效的 TOML" in out


def test_directories_are_walked_and_unreadable_files_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_bytes(Path(SEED0).read_bytes())
    (tmp_path / "a" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "a" / "notes.csv").write_text("ignored", encoding="utf-8")  # .md is a report format now
    code, out = run("check", str(tmp_path), "--fail-on", "never")
    assert code == 1  # an unreadable file always fails the run
    assert "broken.pdf：0份报告" in out and "无法读取" in out
    assert "r.txt：1份报告" in out and "notes.csv" not in out
    assert run("check", str(tmp_path / "missing"))[0] == 2


def test_rules_lists_catalogue() -> None:
    code, out = run("rules")
    assert code == 0
    assert out.splitlines()[0].split() == ["BUD001", "error", "Budget", "total", "does", "not", "equal", "the",
                                           "sum", "of", "its", "parts"]
    assert len(out.splitlines()) == len(REGISTRY)
    data = json.loads(run("rules", "--format", "json")[1])
    assert {d["id"] for d in data} == set(REGISTRY) and all(d["doc"] for d in data)


def test_not_reports_and_unrecognised_files_are_listed_with_their_reason(tmp_path: Path) -> None:
    """A 部门决算 is listed as 非自评报告 and does not fail the check; random bytes are 无法识别
    and count among the files that could not be read (exit 1)."""
    (tmp_path / "a.docx").write_bytes(Path("corpus/kind-final-accounts/report.docx").read_bytes())
    code, out = run("check", str(tmp_path / "a.docx"))
    assert code == 0
    assert "  非自评报告：部门决算报告，未包含绩效自评表" in out
    assert out.rstrip().splitlines()[-1] == "共检查1个文件、0份报告：错误0，警告0，提示0，非自评报告1个文件"
    (tmp_path / "b.pdf").write_bytes(Path("corpus/kind-random-bytes/report.pdf").read_bytes())
    code, out = run("check", str(tmp_path), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert [(d["status"], d["error"]) for d in data["documents"]] == [
        ("not_report", "部门决算报告，未包含绩效自评表"), ("unreadable", "文件内容不是可识别的文本或文档格式")]
    assert (data["summary"]["unreadable"], data["summary"]["not_report"]) == (1, 1)
