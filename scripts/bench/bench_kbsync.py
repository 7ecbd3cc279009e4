"""Benchmark kbsync against `mkdocs build` on a generated knowledge base.

Generates N pages per language in a temporary folder with `scripts/bench/synthetic_kb.py` (the generator
`scripts/bench/bench_site.py` uses too: this repository's mkdocs.yml without its `nav`, pages of about
600 words with sections and IDs, lists, tables, admonitions, links and figures; provenance recorded
with `kbsync sync`), then times one `mkdocs build`, a cold `kbsync check` (no cache) and a warm one
(nothing changed), each in a fresh process, and prints the figures with their share of the build.

    .venv/bin/python scripts/bench/bench_kbsync.py --pages 500
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synthetic_kb
from kbsync.config import load_site_config
from kbsync.formats.tables import markdown_table

REPO = Path(__file__).resolve().parents[2]
TARGETS = {"cold": (5.0, 15.0), "warm": (1.0, 3.0)}


def run(root: Path, *command: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, result


def kbsync(root: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    return run(root, sys.executable, "-m", "kbsync", *args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="pages per language (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kbsync check (median)")
    parser.add_argument("--keep", action="store_true", help="keep the generated tree")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="kbsync-bench-"))
    try:
        planned = synthetic_kb.generate(root, args.pages, REPO)
        failed = synthetic_kb.record_provenance(root, planned)
        if failed is not None:
            sys.stderr.write(failed.stderr)
            return 1
        languages = load_site_config(root / "mkdocs.yml").locales
        build, result = run(root, sys.executable, "-m", "mkdocs", "build", "--quiet",
                            "--site-dir", str(root / "site"))
        if result.returncode:
            sys.stderr.write(f"mkdocs build failed:\n{result.stderr}")
            return 1
        times: dict[str, list[float]] = {"cold": [], "warm": []}
        for _ in range(args.repeat):
            shutil.rmtree(root / ".cache", ignore_errors=True)
            for kind in ("cold", "warm"):
                seconds, result = kbsync(root, "check", "--fail-on", "outdated")
                if result.returncode:
                    sys.stderr.write(f"kbsync check found problems:\n{result.stdout}{result.stderr}")
                    return 1
                times[kind].append(seconds)
        print(f"{len(languages)} languages x {args.pages} pages, {len(languages) * args.pages} files; "
              f"median of {args.repeat} kbsync runs")
        rows = [("mkdocs build", f"{build:.2f}", "100.0", "–")]
        for kind in ("cold", "warm"):
            seconds = statistics.median(times[kind])
            limit, share = TARGETS[kind]
            verdict = "met" if seconds <= limit and seconds / build * 100 <= share else "MISSED"
            rows.append((f"kbsync check, {kind}", f"{seconds:.2f}", f"{seconds / build * 100:.1f}",
                         f"<= {limit:g} s and <= {share:g} % ({verdict})"))
        print(markdown_table(("step", "seconds", "% of build", "target"), rows, right_aligned=(1, 2)))
        return 0
    finally:
        if args.keep:
            print(f"tree kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
