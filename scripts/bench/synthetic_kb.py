"""A synthetic knowledge base in the shape of this one, N pages per language, for the benchmarks.

``generate(root, pages, repository)`` writes into an empty folder:

- ``mkdocs.yml``: the repository's own, without its page tree (``nav`` lists the real pages),
  so the navigation comes from the folders, and ``overrides/`` (the theme overrides);
- ``docs/termbase.yml``: the repository's termbase (its definitions without links), so glossary
  and tooltips are the real ones;
- per language ``pages`` pages: the home page; the pages whose content the kbsync plugin generates
  (glossary, translation status, changes), copied from the repository; areas (top-level sections)
  of 5 folders of 50 pages, each area and folder led by an index page (``navigation.indexes``),
  the other 49 pages of a folder topic pages of about 600 words in five sections with IDs:
  paragraphs, a list, a table of figures, numbered steps, a link to another page's section, a code
  block, an admonition. The smallest trees get an area with a folder and a topic page first.

A page has the same structure in every language (its random generator is seeded with its number),
so ``kbsync check`` finds nothing once ``record_provenance`` has recorded every translation, as
``kbsync sync`` does after translating; ``commit`` then makes the tree a git repository, whose
history the site's "what changed" page reads. Languages come from the repository's ``mkdocs.yml``;
the words of each come from its language profile (``kbsync.languages``, ``sample``).

It must not build or time anything: ``scripts/bench/bench_kbsync.py`` and ``scripts/bench/bench_site.py`` do.
"""

from __future__ import annotations

import datetime
import itertools
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from kbsync.config import KbsyncOptions, load_site_config
from kbsync.formats.tables import markdown_table
from kbsync.languages import profile
from kbsync.pairing import page_path

SECTIONS = ("principles", "figures", "procedure", "examples", "notes")
# Pages per folder: its index page and 49 topic pages; folders per area (a top-level section).
FOLDER_SIZE = 50
AREA_SIZE = 5
HOME = "index.md"
# The pages the kbsync plugin fills in (its defaults): copied from the repository, not generated.
REFERENCE_PAGES = (KbsyncOptions().glossary_page, KbsyncOptions().status_page, KbsyncOptions().changes_page)
_LAST_REVIEWED = re.compile(r"^last_reviewed: .*$", re.M)
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")

# Who commits the generated tree; a fixed identity, so no git configuration is needed.
_GIT_IDENTITY = ("-c", "user.name=Synthetic knowledge base", "-c", "user.email=synthetic-kb@example.invalid",
                 "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main")


@dataclass(frozen=True)
class SyntheticPage:
    """One page of the synthetic knowledge base, the same path in every language."""

    path: str  # inside a language folder, e.g. "area-00/part-01/page-0057.md"
    kind: str  # "home", "reference" (copied from the repository), "area", "part" or "topic"
    number: int  # seeds a topic page's structure; the area's or folder's number for their index pages


def plan(pages: int) -> list[SyntheticPage]:
    """The ``pages`` pages of every language (at least 3), in the order they are generated."""
    if pages < 3:
        raise ValueError(f"a synthetic knowledge base has at least 3 pages per language, not {pages}")
    tree = _tree_pages()
    ordered = itertools.chain([SyntheticPage(HOME, "home", 0)], itertools.islice(tree, 3),
                              (SyntheticPage(path, "reference", 0) for path in REFERENCE_PAGES), tree)
    return list(itertools.islice(ordered, pages))


def generate(root: Path, pages: int, repository: Path, config_file: Path | None = None) -> list[SyntheticPage]:
    """Write the knowledge base into ``root`` (empty or missing) from ``repository``'s configuration.

    ``config_file`` replaces the repository's mkdocs.yml (to measure a change to it).
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(site_config_text(config_file or repository / "mkdocs.yml"), "utf-8")
    if (repository / "overrides").is_dir():
        shutil.copytree(repository / "overrides", root / "overrides")
    (root / ".gitignore").write_text(".cache/\nsite*/\n", "utf-8")
    config = load_site_config(root / "mkdocs.yml")
    source = load_site_config(repository / "mkdocs.yml")
    planned = plan(pages)
    topics = [page for page in planned if page.kind == "topic"]
    reviewed = datetime.date.today().isoformat()  # a page reviewed today is not due for review
    for lang in config.locales:
        for page in planned:
            path = page_path(config, lang, page.path)
            path.parent.mkdir(parents=True, exist_ok=True)
            if page.kind == "reference":
                text = page_path(source, lang, page.path).read_text("utf-8")
                text = _LAST_REVIEWED.sub(f"last_reviewed: {reviewed}", text, count=1)
            else:
                text = front_matter(lang, page, reviewed) + page_body(lang, page, planned, topics)
            path.write_text(text, "utf-8")
    config.termbase_path.write_text(termbase_text(source.termbase_path), "utf-8")
    return planned


def record_provenance(root: Path, planned: Sequence[SyntheticPage]) -> subprocess.CompletedProcess[str] | None:
    """``kbsync sync`` every translation of every page, as a translator does after translating.

    Returns the failed ``kbsync sync`` run, or None when every language was recorded.
    """
    for lang in load_site_config(root / "mkdocs.yml").translation_langs:
        result = subprocess.run([sys.executable, "-m", "kbsync", "sync", lang, *(page.path for page in planned)],
                                cwd=root, capture_output=True, text=True, check=False)
        if result.returncode:
            return result
    return None


def commit(root: Path) -> None:
    """Make ``root`` a git repository with everything in one commit (raises CalledProcessError)."""
    for command in (("init", "--quiet"), ("add", "--all"), ("commit", "--quiet", "--message", "Knowledge base")):
        subprocess.run(["git", *_GIT_IDENTITY, *command], cwd=root, capture_output=True, check=True)


def site_config_text(source: Path) -> str:
    """``source`` (a mkdocs.yml) without its page tree: the generated pages differ."""
    kept, skipping = [], False
    for line in source.read_text("utf-8").splitlines():
        if line.startswith("nav:"):
            skipping = True
            continue
        if skipping and line and not line.startswith((" ", "\t", "#")):
            skipping = False
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n"


def termbase_text(source: Path) -> str:
    """The termbase at ``source`` with the links of its definitions reduced to their text.

    The definitions link to the repository's pages, which the synthetic tree does not have.
    """
    termbase = yaml.safe_load(source.read_text("utf-8"))
    for concept in termbase.get("concepts", []):
        for entry in concept.values():
            if isinstance(entry, dict) and isinstance(entry.get("definition"), str):
                entry["definition"] = _MARKDOWN_LINK.sub(r"\1", entry["definition"])
    return yaml.safe_dump(termbase, allow_unicode=True, sort_keys=False, width=120)


def front_matter(lang: str, page: SyntheticPage, reviewed: str) -> str:
    return (f"---\ntitle: {_title(lang, page)}\ndescription: Seite {page.number}\n"
            f"owner: Quality management\nlast_reviewed: {reviewed}\nreview_interval_months: 12\n---\n\n")


def page_body(lang: str, page: SyntheticPage, planned: Sequence[SyntheticPage],
              topics: Sequence[SyntheticPage]) -> str:
    """The Markdown of a generated page in ``lang``, following the template of its kind."""
    if page.kind == "topic":
        return topic_body(lang, page, topics)
    words = profile(lang).sample.vocabulary.split()
    text = random.Random(f"{lang}{page.kind}{page.number}")
    titles = profile(lang).sample.titles
    lines = [f"# {_title(lang, page)}", "", _paragraph(text, words, 3), ""]
    folder = page.path.rsplit("/", 1)[0] + "/" if "/" in page.path else ""
    # The home page lists the areas, an area its folders, a folder its pages: what lies one level below.
    below = {"home": "area", "area": "part", "part": "topic"}[page.kind]
    heading = {"area": "areas", "part": "parts", "topic": "pages"}[below]
    lines += [f"## {titles[heading]} {{#{heading}}}", ""]
    lines += [f"- [{_title(lang, other)}]({other.path[len(folder):]})" for other in planned
              if other.kind == below and other.path.startswith(folder)]
    if page.kind != "home":
        lines += ["", f"[{titles['home']}]({'../' * page.path.count('/')}{HOME})"]
    return "\n".join(lines) + "\n"


def topic_body(lang: str, page: SyntheticPage, topics: Sequence[SyntheticPage]) -> str:
    """A topic page: an introduction and five sections; the same structure in every language."""
    structure = random.Random(page.number)
    words = profile(lang).sample.vocabulary.split()
    text = random.Random(f"{lang}{page.number}")
    link = f"{'../' * page.path.count('/')}{structure.choice(topics).path}#{SECTIONS[1]}"
    share = structure.randint(50, 95)
    count = structure.randint(1000, 9999)
    decimal = profile(lang).decimal_symbol
    group = "." if decimal == "," else ","
    lines = [f"# {_title(lang, page)}", "", _paragraph(text, words, 4), ""]
    for index, section_id in enumerate(SECTIONS):
        lines += [f"## {profile(lang).sample.headings[index]} {{#{section_id}}}", ""]
        lines += [_paragraph(text, words, 4), ""]
        if section_id == "principles":
            lines += [f"- {_sentence(text, words, 10)}" for _ in range(4)] + [""]
        elif section_id == "figures":
            lines += [f"Net Promoter Score (NPS): {_sentence(text, words, 8)}", ""]
            lines += [markdown_table(("A", "B", "C"), [(f"{share} %", f"{count // 1000}{group}{count % 1000:03d}",
                                                         f"7{decimal}5"), (f"{100 - share} %", "12", "2025-03-01")]), ""]
        elif section_id == "procedure":
            lines += [f"{step}. {_sentence(text, words, 8)}" for step in range(1, 4)] + [""]
            lines += [f"[{profile(lang).sample.headings[1]}]({link})", ""]
        elif section_id == "examples":
            lines += ["```text", f"total = {count}", "# not a heading", "```", ""]
        else:
            lines += ['!!! note', f"    {_sentence(text, words, 12)}", "",
                      f"[{profile(lang).sample.headings[0]}](#principles)", ""]
    return "\n".join(lines)


def _tree_pages() -> Iterator[SyntheticPage]:
    """Areas of AREA_SIZE folders of FOLDER_SIZE pages, without end, each led by its index page."""
    folders, topics = itertools.count(), itertools.count(1)
    for area in itertools.count():
        yield SyntheticPage(f"area-{area:02d}/index.md", "area", area)
        for folder in itertools.islice(folders, AREA_SIZE):
            yield SyntheticPage(f"area-{area:02d}/part-{folder:02d}/index.md", "part", folder)
            for topic in itertools.islice(topics, FOLDER_SIZE - 1):
                yield SyntheticPage(f"area-{area:02d}/part-{folder:02d}/page-{topic:04d}.md", "topic", topic)


def _title(lang: str, page: SyntheticPage) -> str:
    titles = profile(lang).sample.titles
    if page.kind == "home":
        return titles["home"]
    if page.kind in ("area", "part"):
        return f"{titles[page.kind]} {page.number + 1}"
    return f"{profile(lang).sample.headings[0]} {page.number}"


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(length))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(_sentence(rng, words, rng.randint(9, 15)) for _ in range(sentences))
