"""Shared fixtures: the repository, its languages (from mkdocs.yml) and one real strict build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The benchmarks and their synthetic knowledge base live outside the installed package.
sys.path.insert(0, str(REPO / "scripts" / "bench"))


def site_languages() -> list[dict]:
    """The languages the site is built in, as kbsync.config reads them from mkdocs.yml."""
    from kbsync.config import load_site_config

    return [{"locale": language.locale, "name": language.name, "default": language.default, "link": language.link}
            for language in load_site_config(REPO / "mkdocs.yml").built_languages]


def run_mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config_file.parent,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The knowledge base, built once per test session with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(REPO / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    return site_dir


@pytest.fixture(scope="session")
def languages() -> list[dict]:
    return site_languages()


@pytest.fixture(scope="session")
def source_locale(languages) -> str:
    return next(lang["locale"] for lang in languages if lang.get("default"))


@pytest.fixture(scope="session")
def source_pages(source_locale) -> list[Path]:
    """Every German page, as paths relative to docs/de/."""
    root = REPO / "docs" / source_locale
    return sorted(path.relative_to(root) for path in root.rglob("*.md"))


def built_page(site_dir: Path, lang: dict, page: Path) -> Path:
    """Where the build writes `page` (relative to docs/<locale>/) for `lang`."""
    prefix = site_dir if lang.get("default") else site_dir / lang["locale"]
    parts = page.with_suffix("").parts
    if parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return prefix.joinpath(*parts, "index.html")


@pytest.fixture(scope="session")
def page_html(built_site):
    """page_html(lang, page) -> the built HTML page's article as BeautifulSoup."""
    from bs4 import BeautifulSoup

    cache: dict = {}

    def load(lang: dict, page: Path):
        key = (lang["locale"], page)
        if key not in cache:
            path = built_page(built_site, lang, page)
            assert path.exists(), f"{path} was not built"
            cache[key] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[key]

    return load


@pytest.fixture(scope="session")
def mkdocs_build():
    """mkdocs_build(config_file, site_dir) -> CompletedProcess of a real `mkdocs build --strict`."""
    return run_mkdocs_build


def copy_knowledge_base(target: Path) -> Path:
    """The site's sources (docs, overrides, mkdocs.yml) copied to `target`, as a git repository with one commit."""
    import shutil

    for name in ("docs", "overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "knowledge base", date="2026-11-20T09:00:00+00:00")
    return target


def git(root: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.invalid")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def kb_tools():
    """(copy_knowledge_base, git): helpers for tests that change a copy of the knowledge base."""
    return copy_knowledge_base, git
