"""Bad input stops the site build before anything is rendered, with one message naming each file and
line, never a traceback, and nothing of the broken page published: `mkdocs build --strict` and
`make build`'s driver on a copy of the knowledge base with one bad input each. And the one handler
of each entry point of the plugins and drivers turns an unexpected error into a message."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, PluginCollection, event_priority
from mkdocs.structure.files import File

from kbsync.build.site import run_command
from kbsync.site.plugin import reporting_errors

PAGE = "docs/it/guidelines/service-quality.md"
ENVIRONMENT = dict(os.environ, NO_MKDOCS_2_WARNING="1")
ENVIRONMENT.pop("KBSYNC_DEBUG", None)


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def deep_list(root: Path) -> str:
    path = root / PAGE
    text = path.read_text("utf-8") + "\n" + "\n".join("    " * level + "- x" for level in range(600)) + "\n"
    path.write_text(text, "utf-8")
    line = line_of(text, "\n" + "    " * 50 + "- x") + 1  # the item under 50 others: 51 levels deep
    return f"{PAGE}:{line}: KB113 lists, quotes or indented blocks nest 51 levels deep"


def language_folder_is_a_file(root: Path) -> str:
    shutil.rmtree(root / "docs/it")
    (root / "docs/it").write_text("not a folder\n", "utf-8")
    return "docs/it:0: KB117 docs/it is a file; the pages in Italiano belong in a folder docs/it/"


def name_not_utf8(root: Path) -> str:
    with open(os.path.join(os.fsencode(root), b"docs/it/caf\xe9.md"), "wb") as page:
        page.write(b"---\ntitle: Caffe\n---\n\n# Caffe\n")
    return "docs/it/caf\\xe9.md:0: KB115 the name is not UTF-8"


def upper_case_suffix(root: Path) -> str:
    shutil.copyfile(root / PAGE, root / "docs/it/guidelines/extra.MD")
    return "docs/it/guidelines/extra.MD:0: KB116 pages end in `.md`: rename it to docs/it/guidelines/extra.md"


def markdown_suffix(root: Path) -> str:
    shutil.copyfile(root / PAGE, root / "docs/it/guidelines/extra.markdown")
    return "docs/it/guidelines/extra.markdown:0: KB116 pages end in `.md`"


def broken_front_matter(root: Path) -> str:
    path = root / PAGE
    path.write_text(path.read_text("utf-8").replace("title:", "title: [unclosed\nx:", 1), "utf-8")
    return f"{PAGE}:2: KB107 front matter is not valid YAML"


def nul_byte(root: Path) -> str:
    path = root / PAGE
    data = path.read_bytes()
    path.write_bytes(data + b"\x00\n")
    line = data.count(b"\n") + 1
    return f"{PAGE}:{line}: KB102 file is binary (NUL byte)"


def alias_bomb(root: Path) -> str:
    path = root / PAGE
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))
    path.write_text(path.read_text("utf-8").replace("---\n", "---\n" + bomb, 1), "utf-8")
    return f"{PAGE}:2: KB107 front matter uses the YAML anchor `&a`: anchors and aliases are not allowed here"


def too_large(root: Path) -> str:
    path = root / PAGE
    path.write_text(path.read_text("utf-8") + "\nParola e Kundenzufriedenheit. " * 180_000, "utf-8")
    size = path.stat().st_size / 1024 / 1024
    assert size > 5
    return f"{PAGE}:1: KB103 file is {size:.1f} MiB; kbsync reads pages up to 1 MiB: split the page"


CASES = [deep_list, language_folder_is_a_file, name_not_utf8, upper_case_suffix, markdown_suffix,
         broken_front_matter, nul_byte, alias_bomb, too_large]
BUILDS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict"],
    "make-build": [sys.executable, "-m", "kbsync.build.site", "--strict"],
}


@pytest.mark.build
@pytest.mark.parametrize("command", sorted(BUILDS))
@pytest.mark.parametrize("spoil", CASES, ids=lambda spoil: spoil.__name__.replace("_", "-"))
def test_bad_input_stops_the_build_with_one_message_and_publishes_nothing(kb_tools, tmp_path, spoil, command):
    copy_knowledge_base, _ = kb_tools
    root = copy_knowledge_base(tmp_path / "kb")
    expected = spoil(root)
    site = tmp_path / "site"
    result = subprocess.run([*BUILDS[command], "--site-dir", str(site)], cwd=root, capture_output=True, text=True,
                            env=ENVIRONMENT, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert "kbsync: the site is not built: 1 problem would publish a file raw or broken, or stop the build" in output
    assert f"\n  {expected}" in output, output[-3000:]
    assert not [path for path in site.rglob("*") if path.is_file()], "nothing is published"


# The one handler of the plugins' entry points: a real plugin class, run by MkDocs' own event dispatch.

@reporting_errors("kbsync-test")
class FailingPlugin(BasePlugin):
    def on_page_markdown(self, markdown, page, config, files):
        return self._recurse(len(markdown))

    def _recurse(self, depth):
        return self._recurse(depth + 1)

    @event_priority(50)
    def _first(self, config):
        raise KeyError("no such language")

    def _second(self, config):
        return config

    on_post_build = CombinedEvent(_first, _second)


@pytest.fixture
def plugins() -> PluginCollection:
    collection = PluginCollection()
    collection["failing"] = FailingPlugin()
    return collection


def test_an_unexpected_error_in_a_page_event_is_one_message_naming_the_page(plugins, tmp_path, monkeypatch):
    monkeypatch.delenv("KBSYNC_DEBUG", raising=False)
    config = type("Config", (), {"config_file_path": str(tmp_path / "mkdocs.yml")})()
    page = type("Page", (), {"file": File("it/metrics/nps.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)})()
    with pytest.raises(PluginError, match=r"^kbsync-test: docs/it/metrics/nps\.md: internal error \(RecursionError: "
                                          r"maximum recursion depth exceeded[^)]*\); run again with KBSYNC_DEBUG=1 "
                                          r"for the traceback and report it$") as caught:
        plugins.on_page_markdown("# NPS", page=page, config=config, files=None)
    assert caught.value.__suppress_context__


def test_an_unexpected_error_outside_a_page_names_no_page_and_keeps_the_event_priority(plugins, monkeypatch):
    monkeypatch.delenv("KBSYNC_DEBUG", raising=False)
    assert [getattr(method, "mkdocs_priority", 0) for method in plugins.events["post_build"]] == [50, 0]
    with pytest.raises(PluginError, match=r"^kbsync-test: internal error \(KeyError: 'no such language'\); run "
                                          r"again with KBSYNC_DEBUG=1"):
        plugins.on_post_build(config=None)


def test_kbsync_debug_lets_the_error_through_with_its_traceback(plugins, monkeypatch):
    monkeypatch.setenv("KBSYNC_DEBUG", "1")
    with pytest.raises(KeyError, match="no such language"):
        plugins.on_post_build(config=None)


def test_the_build_drivers_report_an_unexpected_error_as_one_message(capsys, monkeypatch):
    monkeypatch.delenv("KBSYNC_DEBUG", raising=False)

    def failing() -> None:
        raise RecursionError("maximum recursion depth exceeded")

    assert run_command(failing, logging.INFO) == 1
    assert capsys.readouterr().err == (
        "ERROR   -  internal error (RecursionError: maximum recursion depth exceeded); run again with "
        "KBSYNC_DEBUG=1 for the traceback and report it\n")
    monkeypatch.setenv("KBSYNC_DEBUG", "1")
    with pytest.raises(RecursionError):
        run_command(failing, logging.INFO)
