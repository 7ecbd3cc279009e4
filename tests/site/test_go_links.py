"""The language-neutral link of a section, `go/<page>/#<section>`, as trainers and handouts use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsync.config import load_site_config
from kbsync.errors import ConfigError
from kbsync.site.urls import go_link, go_url

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def config():
    return load_site_config(REPO / "mkdocs.yml", environ={"KB_SITE_URL": "https://kb.example.internal/"})


@pytest.mark.parametrize("page, section, link", [
    ("guidelines/service-quality.md", "quality-indicators",
     "https://kb.example.internal/go/guidelines/service-quality/#quality-indicators"),
    ("metrics/nps.md", None, "https://kb.example.internal/go/metrics/nps/"),
    ("guidelines/index.md", "at-a-glance", "https://kb.example.internal/go/guidelines/#at-a-glance"),
    ("index.md", None, "https://kb.example.internal/go/"),
])
def test_go_link_is_absolute_with_directory_urls_and_index_pages_as_their_folder(config, page, section, link):
    assert go_link(config, page, section) == link


def test_go_link_follows_the_canonical_address_of_another_host():
    config = load_site_config(REPO / "mkdocs.yml", environ={"KB_SITE_URL": "http://mirror.example.internal/kb"})
    assert go_link(config, "metrics/csat.md", "scale") == "http://mirror.example.internal/kb/go/metrics/csat/#scale"
    assert go_url("metrics/csat.md") == "go/metrics/csat/"


def test_go_link_without_an_address_says_what_to_set(tmp_path):
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("site_url:")]
    (tmp_path / "mkdocs.yml").write_text("".join(lines), "utf-8")
    bare = load_site_config(tmp_path / "mkdocs.yml", environ={})
    assert bare.canonical_url is None
    with pytest.raises(ConfigError, match="set site_url in mkdocs.yml or the environment variable KB_SITE_URL"):
        go_link(bare, "metrics/nps.md", None)
