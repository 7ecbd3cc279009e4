"""The site benchmark runs end to end at a tiny size and writes one well-formed table (figures not asserted)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "bench" / "bench_site.py"
MEASURES = [
    "build, wall time (s)",
    "build, peak memory (MiB)",
    "kbsync check, cold (s)",
    "kbsync check, warm (s)",
    "search index per language (KiB)",
    "average page (KiB)",
    "preview, save to reload of one German page (s)",
]
NUMBER = r"[\d,]+(?:\.\d+)?"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_site", SCRIPT)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    return bench


@pytest.mark.build
def test_benchmark_prints_and_writes_one_table_at_a_tiny_size(tmp_path, capsys):
    output = tmp_path / "BENCHMARK.md"
    assert load_benchmark().main(["--pages", "3,4", "--repeat", "1", "--output", str(output)]) == 0

    printed = capsys.readouterr().out
    assert output.read_text("utf-8") == printed
    table = [line for line in printed.splitlines() if line.startswith("|")]
    assert table[:2] == ["| pages per language | measure | this project | plain stack | project / plain |",
                         "| ---: | --- | ---: | ---: | ---: |"]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table[2:]]
    assert [(row[0], row[1]) for row in rows] == [(size, measure) for size in ("3", "4") for measure in MEASURES]
    for size, measure, project, plain, ratio in rows:
        if measure.startswith("kbsync check"):
            assert re.fullmatch(rf"{NUMBER} \({NUMBER}% of build\)", project), project
            assert (plain, ratio) == ("–", "–")
        elif measure.startswith("search index"):
            assert re.fullmatch(rf"de {NUMBER} · it {NUMBER} · fr {NUMBER} · en {NUMBER}", project), project
            assert re.fullmatch(rf"{NUMBER} \(all languages\)", plain), plain
            assert re.fullmatch(NUMBER, ratio), ratio
        else:
            assert all(re.fullmatch(NUMBER, cell) for cell in (project, plain, ratio)), (measure, project, plain, ratio)
    verdicts = [line for line in printed.splitlines() if line.startswith("- build at N") or
                line.startswith("- kbsync check, ")]
    assert [line.split(":")[0] for line in verdicts] == [
        "- build at N = 4", "- kbsync check, cold, at N = 4", "- kbsync check, warm, at N = 4"]
    assert all(line.endswith((": met", ": MISSED")) for line in verdicts)
    project = next(line for line in printed.splitlines() if line.startswith("- This project:"))
    assert project.startswith("- This project: mkdocs.yml (the repository's) with every feature on, built as "
                              "`make build` builds it, by `python -m kbsync.build.site --strict`"), project
    assert ".venv/bin/python scripts/bench/bench_site.py --pages 3,4 --repeat 1 --output " in printed


def test_make_bench_runs_the_benchmark_and_its_report_says_so():
    bench = load_benchmark()
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "\nbench: $(STAMP)\n\t$(BIN)/python scripts/bench/bench_site.py " + " ".join(bench.MAKE_BENCH) + "\n" in makefile
    assert re.search(r"^\.PHONY:.* bench\b", makefile, re.M)
    make_bench = "make bench   # .venv/bin/python scripts/bench/bench_site.py --pages 50,200,500 --repeat 3"
    for argv in (list(bench.MAKE_BENCH), [], ["--repeat", "3", "--config", str(REPO / "mkdocs.yml"), "--output", "x.md"]):
        assert bench.reproduce_command(bench.argument_parser().parse_args(argv), argv) == make_bench, argv
    other = ["--pages", "50,200", "--config", "/tmp/other.yml"]
    assert bench.reproduce_command(bench.argument_parser().parse_args(other), other) == (
        ".venv/bin/python scripts/bench/bench_site.py --pages 50,200 --config /tmp/other.yml")


def test_the_committed_report_is_of_this_configuration_and_linked_from_the_readme():
    report = (REPO / "scripts" / "bench" / "BENCHMARK.md").read_text("utf-8")
    assert "/tmp" not in report
    assert "- This project: mkdocs.yml (the repository's)" in report
    assert "```sh\nmake bench   # " in report
    assert "](scripts/bench/BENCHMARK.md)" in (REPO / "README.md").read_text("utf-8")


def test_plain_stack_keeps_only_what_the_pages_need(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: KB\nexclude_docs: |\n  termbase.yml\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "  features: [navigation.sections]\nplugins:\n  - search\n  - i18n:\n      docs_structure: folder\n"
        "      reconfigure_material: true\n      languages:\n        - {locale: de, name: Deutsch, default: true}\n"
        "        - {locale: it, name: Italiano, site_name: KB it}\n  - kbsync\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - admonition\n", "utf-8")
    assert load_benchmark().plain_config_text(config) == (
        "site_name: KB\n"
        "docs_dir: docs\n"
        "exclude_docs: |\n"
        "  termbase.yml\n"
        "theme:\n"
        "  name: material\n"
        "  language: de\n"
        "plugins:\n"
        "- search\n"
        "- i18n:\n"
        "    docs_structure: folder\n"
        "    languages:\n"
        "    - locale: de\n"
        "      name: Deutsch\n"
        "      default: true\n"
        "    - locale: it\n"
        "      name: Italiano\n"
        "markdown_extensions:\n"
        "- toc:\n"
        "    permalink: true\n"
        "- admonition\n"
    )


@pytest.mark.parametrize("sizes, message", [("50,x", "expected pages per language like 50,200,500"),
                                             ("2", "every size must be at least 3")])
def test_sizes_must_be_page_counts_of_at_least_three(sizes, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        load_benchmark().main(["--pages", sizes])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
