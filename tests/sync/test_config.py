"""kbsync.config, the one reader of mkdocs.yml: languages, links and the options of both site plugins.

A wrong option is one message naming its key and the expected form, from the command and the build alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsync.config import KbsyncOptions, SearchOptions, load_site_config
from kbsync.errors import ConfigError


def test_options_have_their_defaults_and_the_termbase_path_follows_the_option(kb):
    config = load_site_config(kb.root / "mkdocs.yml")
    assert config.kbsync == KbsyncOptions() and config.search == SearchOptions()
    assert config.termbase_path == (kb.root / "docs/termbase.yml").resolve()
    kb.edit("mkdocs.yml", "  - search\n", "  - search\n  - kbsync:\n      termbase: terms/base.yml\n"
            "      redirects: {old.md: guidelines/service-quality.md}\n  - kbsync-search:\n      separator: '[\\s]+'\n")
    config = load_site_config(kb.root / "mkdocs.yml")
    assert config.termbase_path == (kb.root / "terms/base.yml").resolve()
    assert config.redirects_from("old.md") and not config.redirects_from("guidelines/service-quality.md")
    assert config.search.separator == "[\\s]+"


def test_languages_in_order_with_links_and_site_roots(kb):
    config = load_site_config(kb.root / "mkdocs.yml")
    assert [(language.locale, language.link, language.site_root) for language in config.built_languages] == [
        ("de", "/", ""), ("it", "/it/", "it/"), ("fr", "/fr/", "fr/"), ("en", "/en/", "en/")]
    assert config.source_lang == "de" and config.translation_langs == ("it", "fr", "en")


def test_the_site_folder_and_the_page_tree_as_mkdocs_takes_them(kb):
    # The PDF handouts read the built site in this order (kbsync.pdf), without loading mkdocs.yml again.
    from mkdocs.config import load_config

    config = load_site_config(kb.root / "mkdocs.yml")
    assert (config.site_dir, config.nav) == (kb.root / "site", None)
    kb.edit("mkdocs.yml", "docs_dir: docs\n", "docs_dir: docs\nsite_dir: ../public\nnav:\n"
            "  - Start: index.md\n  - Metriken:\n      - metrics/nps.md\n")
    config, mkdocs = load_site_config(kb.root / "mkdocs.yml"), load_config(str(kb.root / "mkdocs.yml"))
    assert config.site_dir == Path(mkdocs["site_dir"]) == kb.root.parent / "public"
    assert config.nav == mkdocs["nav"] == [{"Start": "index.md"}, {"Metriken": ["metrics/nps.md"]}]
    kb.edit("mkdocs.yml", "nav:\n", "nav: index.md\nunused:\n")
    with pytest.raises(ConfigError, match="nav should be a list of pages"):
        load_site_config(kb.root / "mkdocs.yml")


@pytest.mark.parametrize("options, message", [
    ("  - kbsync:\n      termbse: docs/termbase.yml\n",
     "plugins.kbsync.termbse is not an option of the kbsync plugin; expected one of termbase, glossary_page, "
     "status_page, changes_page, redirects"),
    ("  - kbsync:\n      glossary_page: 3\n", "plugins.kbsync.glossary_page should be text like `glossary.md`, not 3"),
    ("  - kbsync:\n      redirects: [old.md]\n",
     "plugins.kbsync.redirects should map an old page path to the page that replaced it"),
    ("  - kbsync-search:\n      separators: x\n", "plugins.kbsync-search.separators is not an option"),
])
def test_a_wrong_option_is_one_message_naming_the_key(kb, options, message):
    kb.edit("mkdocs.yml", "  - search\n", "  - search\n" + options)
    with pytest.raises(ConfigError) as raised:
        load_site_config(kb.root / "mkdocs.yml")
    assert raised.value.message.startswith(message) and raised.value.path == str(kb.root / "mkdocs.yml")
    result = kb.run("status")
    assert result.code == 2 and message in result.err and "Traceback" not in result.err


def test_a_language_link_must_be_absolute(kb):
    kb.edit("mkdocs.yml", "          name: Italiano\n", "          name: Italiano\n          link: it\n")
    result = kb.run("check")
    assert result.code == 2
    assert "plugins.i18n.languages[1].link should be an absolute link like /it/, not 'it'" in result.err


def test_the_canonical_address_is_site_url_unless_kb_site_url_names_another_host(kb):
    config_path = kb.root / "mkdocs.yml"
    assert load_site_config(config_path, environ={}).canonical_url is None  # the test site sets no site_url
    kb.edit("mkdocs.yml", "site_name: Test KB\n", "site_name: Test KB\nsite_url: https://kb.example.internal/docs\n")
    assert load_site_config(config_path, environ={}).canonical_url == "https://kb.example.internal/docs/"
    assert load_site_config(config_path, environ={"KB_SITE_URL": ""}).canonical_url == "https://kb.example.internal/docs/"
    override = {"KB_SITE_URL": "http://staging.example.internal:8080/kb/"}
    assert load_site_config(config_path, environ=override).canonical_url == "http://staging.example.internal:8080/kb/"


@pytest.mark.parametrize("site_url, environ, message", [
    ("kb.example.internal", {}, "site_url should be the site's address like `https://kb.example.internal/`, "
                                "not 'kb.example.internal'"),
    ("https://kb.example.internal/", {"KB_SITE_URL": "ftp://kb.example.internal/"},
     "the environment variable KB_SITE_URL should be the site's address like `https://kb.example.internal/`, "
     "not 'ftp://kb.example.internal/'"),
    ("https://kb.example.internal/?lang=de", {}, "site_url should be the site's address"),
])
def test_a_wrong_canonical_address_is_one_message_naming_where_it_came_from(kb, site_url, environ, message):
    kb.edit("mkdocs.yml", "site_name: Test KB\n", f"site_name: Test KB\nsite_url: {site_url}\n")
    with pytest.raises(ConfigError) as raised:
        load_site_config(kb.root / "mkdocs.yml", environ=environ)
    assert raised.value.message.startswith(message)
    assert raised.value.path == (None if environ else str(kb.root / "mkdocs.yml"))
