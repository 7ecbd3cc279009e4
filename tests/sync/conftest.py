"""A tiny real knowledge base in tmp_path: mkdocs.yml with the i18n plugin, pages, git."""

from __future__ import annotations

import datetime
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from kbsync.cli import main

MKDOCS_YML = """\
# Project information
site_name: Test KB

# Configuration
docs_dir: docs
exclude_docs: |
  termbase.yml

theme:
  name: material

# Plugins
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      languages:
        - locale: de
          name: Deutsch
          default: true
          build: true
        - locale: it
          name: Italiano
          build: true
        - locale: fr
          name: Français
          build: true
        - locale: en
          name: English
          build: true

# Extensions
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - admonition
  - tables
  - abbr
  - def_list
  - md_in_html
"""

FRONT = {
    "de": ("Servicequalität", "Wie wir Servicequalität messen", "Qualitätsmanagement"),
    "it": ("Qualità del servizio", "Come misuriamo la qualità del servizio", "Gestione qualità"),
    "fr": ("Qualité de service", "Comment nous mesurons la qualité de service", "Gestion de la qualité"),
    "en": ("Service quality", "How we measure service quality", "Quality management"),
}

BODY = {
    "de": """\
        # Servicequalität

        Jeder Kontakt zählt: 80 % der Kundinnen und Kunden erinnern sich vor allem an den letzten Kontakt mit uns.

        ## Die Grundlagen {#basics}

        - Sie sind in den allermeisten Fällen die erste Anlaufstelle der Kundschaft.
        - Sie identifizieren jede Kundin und jeden Kunden nach den lokalen Regeln.

        ## Die Qualitätskennzahlen {#quality-indicators}

        Wir messen den Net Promoter Score jeden Monat mit mindestens 200 Antworten pro Team, siehe [NPS](../metrics/nps.md).

        !!! note "Hinweis"
            Kleine Teams warten drei Monate, bevor sie ihre Werte vergleichen.
        """,
    "it": """\
        # Qualità del servizio

        Ogni contatto conta: l'80 % dei clienti ricorda soprattutto l'ultimo contatto avuto con noi.

        ## Gli elementi fondamentali {#basics}

        - Nella maggior parte dei casi sei il primo punto di contatto della clientela.
        - Identifichi ogni cliente secondo le regole definite localmente.

        ## Gli indicatori di qualità {#quality-indicators}

        Misuriamo il Net Promoter Score ogni mese con almeno 200 risposte per team, vedi [NPS](../metrics/nps.md).

        !!! note "Nota"
            I piccoli team aspettano tre mesi prima di confrontare i propri valori.
        """,
    "fr": """\
        # Qualité de service

        Chaque contact compte : 80 % des clients se souviennent surtout du dernier contact avec nous.

        ## Les fondamentaux {#basics}

        - Dans la plupart des cas, vous êtes le premier interlocuteur de la clientèle.
        - Vous identifiez chaque client selon les règles définies localement.

        ## Les indicateurs de qualité {#quality-indicators}

        Nous mesurons le Net Promoter Score chaque mois avec au moins 200 réponses par équipe, voir [NPS](../metrics/nps.md).

        !!! note "Remarque"
            Les petites équipes attendent trois mois avant de comparer leurs valeurs.
        """,
    "en": """\
        # Service quality

        Every contact counts: 80 % of customers mainly remember their most recent contact with us.

        ## The basics {#basics}

        - In most cases you are the customer's first point of contact.
        - You identify every customer according to the local rules.

        ## The quality indicators {#quality-indicators}

        We measure the Net Promoter Score every month with at least 200 answers per team, see [NPS](../metrics/nps.md).

        !!! note "Note"
            Small teams wait three months before they compare their scores.
        """,
}

NPS_BODY = {
    "de": "# Net Promoter Score\n\nDer NPS reicht von -100 bis +100 und wird als Zahl geschrieben, nicht als Prozentwert.\n",
    "it": "# Net Promoter Score\n\nL'NPS va da -100 a +100 e si scrive come numero, non come percentuale.\n",
    "fr": "# Net Promoter Score\n\nLe NPS va de -100 à +100 et s'écrit comme un nombre, pas comme un pourcentage.\n",
    "en": "# Net Promoter Score\n\nThe NPS ranges from -100 to +100 and is written as a number, not as a percentage.\n",
}


# Reviewed today, so no page of a test tree is ever due for review (KB204) whenever the tests run.
REVIEWED = datetime.date.today().isoformat()


def front_matter(lang: str, title: str | None = None) -> str:
    page_title, description, owner = FRONT[lang]
    return (f"---\ntitle: {title or page_title}\ndescription: {description}\nowner: {owner}\n"
            f"last_reviewed: {REVIEWED}\nreview_interval_months: 12\n---\n\n")


def page_text(lang: str) -> str:
    return front_matter(lang) + textwrap.dedent(BODY[lang])


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


class KnowledgeBase:
    """A knowledge base on disk; `run` calls the real CLI in it."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]):
        self.root = root
        self.capsys = capsys

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    def read(self, relative: str) -> bytes:
        return (self.root / relative).read_bytes()

    def text(self, relative: str) -> str:
        return self.read(relative).decode("utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        text = self.text(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def run(self, *argv: str) -> Result:
        self.capsys.readouterr()
        code = main(list(argv))
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def findings(self, *argv: str) -> list[str]:
        """The lines `kbsync check --fail-on outdated` prints for `argv` (paths, options)."""
        return self.run("check", "--fail-on", "outdated", *argv).lines

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.root, check=True, capture_output=True,
                              text=True).stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def init_git(self) -> None:
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "kb@example.invalid")
        self.git("config", "user.name", "KB Test")
        self.git("config", "commit.gpgsign", "false")
        self.write(".gitignore", ".cache/\n")


@pytest.fixture
def kb(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    """A site with one guideline and one metric page in de, it, fr and en, none synced yet.
    Git sees no configuration of the machine: a name recorded in `l10n` comes from the test alone."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / ".no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    base = KnowledgeBase(tmp_path, capsys)
    base.write("mkdocs.yml", MKDOCS_YML)
    for lang in FRONT:
        base.write(f"docs/{lang}/guidelines/service-quality.md", page_text(lang))
        base.write(f"docs/{lang}/metrics/nps.md", front_matter(lang, "Net Promoter Score") + NPS_BODY[lang])
    return base


@pytest.fixture
def synced(kb: KnowledgeBase) -> KnowledgeBase:
    """The same site with every translation synced: `kbsync check --fail-on outdated` is clean."""
    for lang in ("it", "fr", "en"):
        result = kb.run("sync", lang, "guidelines/service-quality.md", "metrics/nps.md")
        assert result.code == 0, result.err
    return kb
