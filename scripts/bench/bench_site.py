"""Benchmark the site build: this project's configuration against the plain stack, as the site grows.

For each size N (pages per language; default 50, 200 and 500) it generates a knowledge base with
`scripts/bench/synthetic_kb.py` (this repository's mkdocs.yml, theme overrides and termbase; provenance
recorded; one git commit) and measures, each run in a fresh process, the median of `--repeat` runs:

- the build with this project's configuration: mkdocs.yml with every feature on, built as
  `make build` builds it (`python -m kbsync.build.site --strict`), from an empty kbsync cache;
- the build of the plain stack: the same pages with mkdocs-material and mkdocs-static-i18n at
  their defaults (`mkdocs build --strict` with a mkdocs.yml naming the site, the theme, the
  languages and the Markdown extensions the pages are written in, nothing else);
- `kbsync check --fail-on outdated`, with an empty cache (cold) and then with nothing changed (warm);
- the preview: seconds from saving one German page to the browser's reload, with the project's
  preview server (`python -m kbsync.build.preview`) and with `mkdocs serve` on the plain stack.

The two builds take turns, so that other work on the machine weighs on both alike. Peak memory is
the highest sum of the proportional set size (PSS, from /proc) of the build's processes, sampled
every 0.1 s: shared pages count once, so a build forked into several processes is not overcounted.
Where /proc is missing it is the largest process's peak resident size (wait4).

It prints one Markdown table and writes it, with the command that reproduces it, to
scripts/bench/BENCHMARK.md (`--output`). It is not a test: tests/bench only runs it at a tiny size.

    make bench     # runs: .venv/bin/python scripts/bench/bench_site.py --pages 50,200,500 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import synthetic_kb
from kbsync.config import load_site_config
from kbsync.formats.tables import markdown_table
from kbsync.parallel import cores

REPO = Path(__file__).resolve().parents[2]
OUTPUT = Path(__file__).resolve().parent / "BENCHMARK.md"
PLAIN_CONFIG = "mkdocs.plain.yml"
PROJECT_BUILDS = {
    "parallel": ("-m", "kbsync.build.site", "--strict", "--quiet"),
    "mkdocs": ("-m", "mkdocs", "build", "--strict", "--quiet"),
}
PLAIN_BUILD = ("-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", PLAIN_CONFIG)
PREVIEWS = {"project": ("-m", "kbsync.build.preview"), "plain": ("-m", "mkdocs", "serve", "--config-file", PLAIN_CONFIG)}
# What `make bench` runs (the Makefile's bench target; tests/bench checks that they agree).
MAKE_BENCH = ("--pages", "50,200,500", "--repeat", "3")
PREVIEW_TIMEOUT = 1800  # seconds a preview may take to start or to rebuild before the benchmark gives up
CHECK = ("-m", "kbsync", "check", "--fail-on", "outdated")
# At the largest size: the project's build at most this share of the plain stack's, and kbsync
# check at most these shares of the project's build.
TARGET_BUILD_RATIO = 0.5
TARGET_CHECK_SHARE = {"cold": 0.15, "warm": 0.03}
SAMPLE_SECONDS = 0.1
KIB, MIB = 1024, 1024 * 1024


class BenchmarkError(Exception):
    """A build or check failed: the message names the command and shows its output."""


@dataclass
class Run:
    seconds: float
    peak_bytes: int


@dataclass
class SizeResult:
    """The measurements at one size, every run kept (the table shows medians)."""

    pages: int
    project: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    check: dict[str, list[float]] = field(default_factory=lambda: {"cold": [], "warm": []})
    project_index: dict[str, int] = field(default_factory=dict)  # locale -> bytes
    plain_index: int = 0
    project_page: float = 0.0  # mean bytes of a built page
    plain_page: float = 0.0
    preview: dict[str, list[float]] = field(default_factory=lambda: {"project": [], "plain": []})


def main(argv: list[str] | None = None) -> int:
    parser = argument_parser()
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    workspace = Path(tempfile.mkdtemp(prefix="bench-site-"))
    load_before = _load()
    started = time.monotonic()
    try:
        results = [measure(workspace / f"n{pages}", pages, args) for pages in args.pages]
    except BenchmarkError as error:
        sys.stderr.write(f"bench_site: {error}\n")
        return 1
    finally:
        if args.keep:
            sys.stderr.write(f"bench_site: trees kept in {workspace}\n")
        else:
            shutil.rmtree(workspace, ignore_errors=True)
    report = render(results, args, argv, load_before, _load(), time.monotonic() - started)
    sys.stdout.write(report)
    args.output.write_text(report, "utf-8")
    return 0


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=_sizes, default=(50, 200, 500), metavar="N,N,...",
                        help="pages per language, comma-separated (default 50,200,500)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (median; default 3)")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", metavar="FILE",
                        help="this project's mkdocs.yml (default: the repository's); to measure a change to it")
    parser.add_argument("--builder", choices=sorted(PROJECT_BUILDS), default="parallel",
                        help="how this project's site is built: one process per language (parallel, "
                             "the default) or plain `mkdocs build`")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"where the table goes (default {OUTPUT})")
    parser.add_argument("--keep", action="store_true", help="keep the generated trees")
    return parser


def reproduce_command(args: argparse.Namespace, argv: list[str] | None) -> str:
    """The command that measures what ``args`` measured: `make bench` where it is the same."""
    command = shlex.join([".venv/bin/python", "scripts/bench/bench_site.py",
                          *(argv if argv is not None else sys.argv[1:])])
    make_bench = argument_parser().parse_args(MAKE_BENCH)
    if all(_same(getattr(args, name), getattr(make_bench, name)) for name in ("pages", "repeat", "config", "builder")):
        return f"make bench   # {shlex.join(['.venv/bin/python', 'scripts/bench/bench_site.py', *MAKE_BENCH])}"
    return command


def _same(value: object, other: object) -> bool:
    if isinstance(value, Path) and isinstance(other, Path):
        return value.resolve() == other.resolve()
    return value == other


def measure(root: Path, pages: int, args: argparse.Namespace) -> SizeResult:
    """Generate a knowledge base of ``pages`` pages per language; measure both builds, the check and the previews."""
    planned = synthetic_kb.generate(root, pages, REPO, args.config)
    failed = synthetic_kb.record_provenance(root, planned)
    if failed is not None:
        raise BenchmarkError(f"kbsync sync failed:\n{failed.stdout}{failed.stderr}")
    synthetic_kb.commit(root)
    (root / PLAIN_CONFIG).write_text(plain_config_text(root / "mkdocs.yml"), "utf-8")
    result = SizeResult(pages)
    project = (*PROJECT_BUILDS[args.builder], "--site-dir", "site-project")
    plain = (*PLAIN_BUILD, "--site-dir", "site-plain")
    for repeat in range(args.repeat):
        # Alternate which build goes first, so that a change of load weighs on both.
        for stack in (("project", "plain") if repeat % 2 == 0 else ("plain", "project")):
            if stack == "project":
                shutil.rmtree(root / ".cache", ignore_errors=True)  # a full build: nothing remembered
                result.project.append(run_measured(root, project))
            else:
                result.plain.append(run_measured(root, plain))
        shutil.rmtree(root / ".cache", ignore_errors=True)
        for kind in ("cold", "warm"):
            result.check[kind].append(run_measured(root, CHECK, sample=False).seconds)
    config = load_site_config(root / "mkdocs.yml")
    for language in config.languages:
        if language.build:
            folder = "" if language.default else f"{language.locale}/"
            result.project_index[language.locale] = _size(root / "site-project" / folder / "search/search_index.json")
    result.plain_index = _size(root / "site-plain" / "search/search_index.json")
    result.project_page = _mean_page(root / "site-project")
    result.plain_page = _mean_page(root / "site-plain")
    topics = [page for page in planned if page.kind == "topic"] or planned
    edited = topics[len(topics) // 2]
    for stack, arguments in PREVIEWS.items():
        result.preview[stack] = measure_preview(root, arguments, config.source_lang, edited.path, args.repeat)
    return result


def measure_preview(root: Path, arguments: Sequence[str], source_lang: str, page: str, repeat: int) -> list[float]:
    """Seconds from saving a source page to the preview server's reload, ``repeat`` saves.

    The server runs in ``root`` on a free port; each save appends a line to the page, and the page
    the server then serves must show it.
    """
    path = root / "docs" / source_lang / page
    original = path.read_text("utf-8")
    address = f"127.0.0.1:{_free_port()}"
    url = f"http://{address}/{_page_url(page)}"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    seconds = []
    with tempfile.NamedTemporaryFile("w+b", suffix=".log") as output:
        server = subprocess.Popen([sys.executable, *arguments, "--dev-addr", address], cwd=root, stdout=output,
                                  stderr=subprocess.STDOUT, env=environment, preexec_fn=interruptible)
        log = Path(output.name)
        try:
            _wait_for(log, "Serving on", 0, server, arguments)
            for number in range(repeat):
                reloads = log.read_text("utf-8", "replace").count("Reloading browsers")
                time.sleep(1.0)  # a new modification time, and the server idle again
                marker = f"Benchmark edit {number}"
                path.write_text(f"{original.rstrip()}\n\n{marker}.\n", "utf-8")
                started = time.perf_counter()
                _wait_for(log, "Reloading browsers", reloads, server, arguments)
                seconds.append(time.perf_counter() - started)
                with urllib.request.urlopen(url, timeout=60) as response:
                    if marker not in response.read().decode("utf-8", "replace"):
                        raise BenchmarkError(f"`{shlex.join(arguments)}` served {url} without the edit")
        finally:
            path.write_text(original, "utf-8")
            # As Ctrl+C: both servers then remove their temporary site folders.
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
    return seconds


def interruptible() -> None:
    """In a server's process before it starts: Ctrl+C (SIGINT) stops it, also when the benchmark runs in the
    background, whose commands inherit SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(log: Path, text: str, seen: int, server: subprocess.Popen, arguments: Sequence[str]) -> None:
    """Wait until ``text`` occurs more than ``seen`` times in the server's log."""
    deadline = time.monotonic() + PREVIEW_TIMEOUT
    while log.read_text("utf-8", "replace").count(text) <= seen:
        if server.poll() is not None or time.monotonic() > deadline:
            raise BenchmarkError(f"`{shlex.join(arguments)}` did not log {text!r}:\n"
                                 f"{log.read_text('utf-8', 'replace')[-4000:]}")
        time.sleep(0.05)


def _page_url(page: str) -> str:
    """The URL path of a page of the default language, as MkDocs writes it (use_directory_urls)."""
    stem = page.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    path = folder if name in ("index", "README") else stem
    return f"{path}/" if path else ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def plain_config_text(project_config: Path) -> str:
    """A newcomer's mkdocs.yml for the same pages: Material and static-i18n with their defaults.

    It keeps what the pages need to be read at all (their folder layout, languages and Markdown
    extensions) and which files are not pages; every feature, override and plugin of this project
    is left out.
    """
    config = load_site_config(project_config)
    plain = {
        "site_name": config.site_name,
        "docs_dir": config.relative(config.docs_dir),
        "exclude_docs": config.exclude_docs,
        "theme": {"name": "material", "language": config.source_lang},
        "plugins": ["search", {"i18n": {
            "docs_structure": "folder",
            "languages": [{"locale": language.locale, "name": language.name,
                           **({"default": True} if language.default else {})}
                          for language in config.languages if language.build],
        }}],
        "markdown_extensions": list(config.markdown_extensions),
    }
    return yaml.dump(plain, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False)


class _BlockDumper(yaml.SafeDumper):
    """Writes text of several lines (exclude_docs) as a literal block, as one would by hand."""


_BlockDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def run_measured(root: Path, arguments: Sequence[str], sample: bool = True) -> Run:
    """Run ``python arguments`` in ``root``; its wall time and peak memory. Raises if it fails."""
    command = [sys.executable, *arguments]
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=root, stdout=output, stderr=subprocess.STDOUT, env=environment)
        sampler = _PeakMemory(process.pid) if sample and _PeakMemory.available() else None
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = sampler.stop() if sampler else usage.ru_maxrss * KIB
        if process.returncode:
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            raise BenchmarkError(f"`{shlex.join(arguments)}` in {root} failed ({process.returncode}):\n{text[-4000:]}")
    return Run(seconds, peak)


class _PeakMemory:
    """The highest summed PSS of a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int):
        self._pid = pid
        self._peak = 0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def available() -> bool:
        return Path("/proc/self/smaps_rollup").is_file()

    def stop(self) -> int:
        self._stopped.set()
        self._thread.join()
        return self._peak

    def _sample(self) -> None:
        while not self._stopped.is_set():
            self._peak = max(self._peak, sum(map(_pss, self._tree())))
            self._stopped.wait(SAMPLE_SECONDS)

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue  # it ended meanwhile
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
        tree, pending = [], [self._pid]
        while pending:
            pid = pending.pop()
            tree.append(pid)
            pending += children.get(pid, [])
        return tree


def _pss(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * KIB
    return 0


TABLE_HEADER = ("pages per language", "measure", "this project", "plain stack", "project / plain")


def render(results: list[SizeResult], args: argparse.Namespace, argv: list[str] | None,
           load_before: str, load_after: str, seconds: float) -> str:
    """The report: the table, whether the targets are met, how it was measured and how to repeat it."""
    rows: list[tuple[str, str, str, str, str]] = []
    for result in results:
        project_build = statistics.median(run.seconds for run in result.project)
        plain_build = statistics.median(run.seconds for run in result.plain)
        project_peak = statistics.median(run.peak_bytes for run in result.project)
        plain_peak = statistics.median(run.peak_bytes for run in result.plain)
        index_sizes = " · ".join(f"{locale} {size / KIB:,.0f}" for locale, size in result.project_index.items())
        index_mean = statistics.mean(result.project_index.values()) if result.project_index else 0
        n = str(result.pages)
        rows.append((n, "build, wall time (s)", f"{project_build:.1f}", f"{plain_build:.1f}",
                     _ratio(project_build, plain_build)))
        rows.append((n, "build, peak memory (MiB)", f"{project_peak / MIB:,.0f}", f"{plain_peak / MIB:,.0f}",
                     _ratio(project_peak, plain_peak)))
        for kind in ("cold", "warm"):
            check = statistics.median(result.check[kind])
            rows.append((n, f"kbsync check, {kind} (s)", f"{check:.2f} ({check / project_build:.1%} of build)",
                         "–", "–"))
        rows.append((n, "search index per language (KiB)", index_sizes,
                     f"{result.plain_index / KIB:,.0f} (all languages)", _ratio(index_mean, result.plain_index)))
        rows.append((n, "average page (KiB)", f"{result.project_page / KIB:.1f}", f"{result.plain_page / KIB:.1f}",
                     _ratio(result.project_page, result.plain_page)))
        project_preview = statistics.median(result.preview["project"])
        plain_preview = statistics.median(result.preview["plain"])
        rows.append((n, "preview, save to reload of one German page (s)", f"{project_preview:.1f}",
                     f"{plain_preview:.1f}", _ratio(project_preview, plain_preview)))
    largest = results[-1]
    project_build = statistics.median(run.seconds for run in largest.project)
    plain_build = statistics.median(run.seconds for run in largest.plain)
    verdicts = [f"- build at N = {largest.pages}: {project_build / plain_build:.2f} × the plain stack's "
                f"(target ≤ {TARGET_BUILD_RATIO}): {_verdict(project_build <= TARGET_BUILD_RATIO * plain_build)}"]
    for kind, share in TARGET_CHECK_SHARE.items():
        check = statistics.median(largest.check[kind])
        verdicts.append(f"- kbsync check, {kind}, at N = {largest.pages}: {check / project_build:.1%} of the build "
                        f"(target ≤ {share:.0%}): {_verdict(check <= share * project_build)}")
    lines = [
        "# Site build benchmark",
        "",
        f"Generated knowledge base, {len(largest.project_index)} languages, N pages per language "
        f"(`scripts/bench/synthetic_kb.py`); median of {args.repeat} runs each. Written by `scripts/bench/bench_site.py`.",
        "",
        markdown_table(TABLE_HEADER, rows, right_aligned=(0, 2, 3, 4)),
        "",
        *verdicts,
        "",
        "- This project: mkdocs.yml "
        + ("(the repository's)" if args.config.resolve() == (REPO / "mkdocs.yml").resolve() else f"(`{args.config}`)")
        + " with every feature on, built "
        + ("as `make build` builds it, " if args.builder == "parallel" else "")
        + f"by `python {' '.join(PROJECT_BUILDS[args.builder][:-1])}`"
        " from an empty kbsync cache. Plain stack: `mkdocs build --strict`, Material and static-i18n "
        "with their defaults, same pages and Markdown extensions.",
        "- Peak memory: " + ("highest sum of PSS over the build's processes, sampled every 0.1 s from /proc."
                             if _PeakMemory.available() else "largest process's peak RSS (wait4)."),
        "- kbsync check: `kbsync check --fail-on outdated`, cold = empty cache, warm = nothing changed; "
        "the share is of this project's build.",
        "- Preview: seconds from saving a German topic page to the server's browser reload (the page then served "
        "shows the edit); this project: `python -m kbsync.build.preview`, plain stack: `mkdocs serve`.",
        "- Search index: the file a reader's browser loads for a search in that language; the plain "
        "stack has one index for all languages. Average page: mean size of the built HTML pages.",
        f"- Machine: {cores()} cores; load average {load_before} before, {load_after} after "
        f"({seconds / 60:.0f} min); others may have been using it.",
        "",
        "Reproduce:",
        "",
        "```sh",
        reproduce_command(args, argv),
        "```",
        "",
    ]
    return "\n".join(lines)


def _ratio(project: float, plain: float) -> str:
    return f"{project / plain:.2f}" if plain else "–"


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


def _mean_page(site: Path) -> float:
    sizes = [path.stat().st_size for path in site.rglob("index.html")]
    return statistics.mean(sizes) if sizes else 0.0


def _load() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected pages per language like 50,200,500, not {text!r}") from None
    if not sizes or min(sizes) < 3:
        raise argparse.ArgumentTypeError("every size must be at least 3 pages per language")
    return sizes


if __name__ == "__main__":
    sys.exit(main())
