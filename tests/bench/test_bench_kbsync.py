"""The benchmark script works end to end (at a tiny size; its figures are not asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench" / "bench_kbsync.py"


@pytest.mark.build
def test_benchmark_runs_at_a_tiny_size(capsys):
    spec = importlib.util.spec_from_file_location("bench_kbsync", SCRIPT)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--pages", "3", "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "4 languages x 3 pages, 12 files; median of 1 kbsync runs"
    assert [line.split(" | ")[0] for line in lines[3:6]] == [
        "| mkdocs build", "| kbsync check, cold", "| kbsync check, warm"]
