"""Building languages in parallel writes what `mkdocs build` writes; the preview rebuilds what a save changed."""

from __future__ import annotations

import itertools
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import synthetic_kb
from kbsync.build.preview import Rebuild, plan_rebuild
from kbsync.config import load_site_config
from kbsync.languages import profile

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ["de", "it", "fr", "en"]
ENVIRONMENT = dict(os.environ, NO_MKDOCS_2_WARNING="1")


@pytest.fixture(scope="module")
def knowledge_base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kb")
    planned = synthetic_kb.generate(root, 9, REPO)
    assert synthetic_kb.record_provenance(root, planned) is None
    synthetic_kb.commit(root)
    return root


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def make_command(target: str) -> list[str]:
    """The Makefile's one command for ``target``, run with this Python (``$(BIN)/python``)."""
    lines = (REPO / "Makefile").read_text("utf-8").splitlines()
    start = lines.index(next(line for line in lines if line.startswith(f"{target}:")))
    recipe = [line.strip() for line in itertools.takewhile(lambda line: line.startswith("\t"), lines[start + 1:])]
    assert len(recipe) == 1, recipe
    program, *arguments = shlex.split(recipe[0])
    assert program == "$(BIN)/python", recipe
    return [sys.executable, *arguments]


def test_make_build_and_make_serve_build_one_process_per_language():
    assert make_command("build")[1:] == ["-m", "kbsync.build.site", "--strict"]
    assert make_command("serve")[1:] == ["-m", "kbsync.build.preview", "--dev-addr", "127.0.0.1:8000"]


@pytest.mark.build
@pytest.mark.parametrize("tree", ["synthetic", "repository"])
def test_make_build_writes_the_files_of_mkdocs_build(tree, request, tmp_path):
    root = request.getfixturevalue("knowledge_base") if tree == "synthetic" else REPO
    sequential, parallel = tmp_path / "sequential", tmp_path / "parallel"
    for command, site in (([sys.executable, "-m", "mkdocs", "build", "--strict"], sequential),
                          (make_command("build"), parallel)):
        result = subprocess.run([*command, "--site-dir", str(site)], cwd=root, capture_output=True, text=True,
                                env=ENVIRONMENT)
        assert result.returncode == 0, result.stderr[-4000:]
        assert "WARNING" not in result.stderr, result.stderr[-4000:]
    assert f"{parallel.name}.languages-" in result.stderr, "each language was built apart, in a staging folder"

    expected, built = files_of(sequential), files_of(parallel)
    assert sorted(built) == sorted(expected)
    assert [path for path in expected if built[path] != expected[path]] == []
    page = "en/area-00/part-00/page-0001/index.html" if tree == "synthetic" else "en/metrics/nps/index.html"
    assert {"404.html", "sitemap.xml", "search/search_index.json", "it/404.html", "it/sitemap.xml",
            "it/search/search_index.json", page} <= set(built)
    assert not list(tmp_path.glob("parallel.languages-*")), "the staging folder is removed"


@pytest.mark.build
def test_parallel_build_fails_with_the_message_of_a_language_that_fails(knowledge_base, tmp_path):
    broken = tmp_path / "kb"
    subprocess.run(["cp", "-r", f"{knowledge_base}/.", str(broken)], check=True)
    page = broken / "docs" / "fr" / "area-00" / "part-00" / "page-0001.md"
    page.write_text(page.read_text("utf-8") + "\n[Nowhere](missing.md)\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "kbsync.build.site", "--strict", "--site-dir",
                             str(tmp_path / "site")], cwd=broken, capture_output=True, text=True, env=ENVIRONMENT)
    assert result.returncode == 1
    assert "fr/area-00/part-00/page-0001.md' contains a link 'missing.md'" in result.stderr
    assert "the build of 'fr' failed" in result.stderr


def snapshot(*paths: Path) -> dict[Path, tuple[int, int]]:
    return {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in paths}


def test_a_changed_page_rebuilds_its_language_and_those_that_show_it_in_place_of_a_translation(tmp_path):
    docs = tmp_path / "docs"
    pages = [docs / lang / "a.md" for lang in ("de", "it", "fr")] + [docs / "de" / "b.md", docs / "termbase.yml"]
    for path in pages:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# A\n", "utf-8")
    before = snapshot(*pages)

    changed_source = {**before, docs / "de" / "a.md": (1, 4)}
    assert plan_rebuild(before, changed_source, docs, LANGUAGES) == Rebuild(full=False, languages=("de", "en"))
    changed_translation = {**before, docs / "it" / "a.md": (1, 4)}
    assert plan_rebuild(before, changed_translation, docs, LANGUAGES) == Rebuild(full=False, languages=("it",))
    assert plan_rebuild(before, dict(before), docs, LANGUAGES) == Rebuild(full=False, languages=())


@pytest.mark.parametrize("change", ["termbase", "added", "removed"])
def test_anything_but_a_changed_page_rebuilds_every_language(tmp_path, change):
    docs = tmp_path / "docs"
    page, termbase = docs / "de" / "a.md", docs / "termbase.yml"
    for path in (page, termbase):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", "utf-8")
    before = snapshot(page, termbase)
    after = {"termbase": {**before, termbase: (1, 2)},
             "added": {**before, docs / "it" / "a.md": (1, 2)},
             "removed": {page: before[page]}}[change]
    assert plan_rebuild(before, after, docs, LANGUAGES) == Rebuild(full=True, languages=tuple(LANGUAGES))


@pytest.mark.build
def test_preview_serves_every_language_and_shows_a_saved_edit(knowledge_base, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    page = knowledge_base / "docs" / "de" / "area-00" / "part-00" / "page-0001.md"
    original = page.read_text("utf-8")
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "kbsync.build.preview", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=knowledge_base, stdout=output, stderr=subprocess.STDOUT, env=ENVIRONMENT,
                                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        wait_for_log(log, "Serving on", 0, server)
        for path in ("", "it/", "en/area-00/part-00/page-0001/", "go/area-00/part-00/page-0001/"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=30) as response:
                assert response.status == 200
        # Printed from the preview, a page says so, and names its canonical address, not the preview's.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/it/area-00/part-00/page-0001/", timeout=30) as response:
            printed = response.read().decode("utf-8")
        canonical_url = load_site_config(knowledge_base / "mkdocs.yml").canonical_url
        assert f'<p class="kb-print-preview">{profile("it").ui["print_preview"]}</p>' in printed
        assert f'<span class="kb-print-address">{canonical_url}it/area-00/part-00/page-0001/</span>' in printed
        time.sleep(1.0)  # a modification time the build can tell from the built page's
        page.write_text(original + "\nEin neuer Satz aus dem Test.\n", "utf-8")
        wait_for_log(log, "Reloading browsers", 0, server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/area-00/part-00/page-0001/", timeout=30) as response:
            assert "Ein neuer Satz aus dem Test." in response.read().decode("utf-8")
        assert "Built changed pages of de in" in log.read_text("utf-8")
    finally:
        page.write_text(original, "utf-8")
        server.send_signal(signal.SIGINT)  # Ctrl+C
        returncode = server.wait(timeout=60)
    assert returncode == 0
    assert "Shutting down..." in log.read_text("utf-8")


def wait_for_log(log: Path, text: str, seen: int, server: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while log.read_text("utf-8", "replace").count(text) <= seen:
        assert server.poll() is None and time.monotonic() < deadline, log.read_text("utf-8", "replace")[-4000:]
        time.sleep(0.1)


@pytest.mark.build
def test_the_sequential_build_hands_the_i18n_plugin_one_language_of_search_entries(knowledge_base, tmp_path,
                                                                                    monkeypatch):
    # mkdocs-static-i18n stacks every language's search entries and removes duplicates in time
    # quadratic in them (2,153 real pages in four languages: still running after 40 minutes of
    # processor time); kbsync-search replaces that index, so it leaves the i18n plugin only the
    # language being built: the last one, at the end of the sequential build.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(knowledge_base)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(knowledge_base / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    entries = config.plugins["i18n"].search_entries
    last = LANGUAGES[-1]
    assert entries and all(entry["location"].startswith(f"{last}/") for entry in entries)
    assert len(entries) == len(read_index(tmp_path / "site" / last / "search" / "search_index.json"))
    root = read_index(tmp_path / "site" / "search" / "search_index.json")
    assert root and not any(entry["location"].startswith(tuple(f"{lang}/" for lang in LANGUAGES[1:]))
                            for entry in root), "the site's root index is the default language's"


def read_index(path: Path) -> list[dict]:
    import json

    return json.loads(path.read_text("utf-8"))["docs"]
