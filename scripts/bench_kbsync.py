"""Benchmark kbsync against `mkdocs build` on a generated knowledge base.

Generates 4 languages x N pages (about 600 words each: sections with IDs, lists, tables,
admonitions, links and figures) in a temporary folder, with this repository's mkdocs.yml (its
`nav` removed, since the pages differ), records provenance with `kbsync sync`, then times one
`mkdocs build`, a cold `kbsync check` (no cache) and a warm one (nothing changed), each in a
fresh process, and prints the figures with their share of the build.

    .venv/bin/python scripts/bench_kbsync.py --pages 500
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LANGS = ("de", "it", "fr", "en")
SECTIONS = ("principles", "figures", "procedure", "examples", "notes")
PAGES_PER_FOLDER = 50
TARGETS = {"cold": (5.0, 15.0), "warm": (1.0, 3.0)}

VOCABULARY = {
    "de": ("der die das und ist nicht mit den Kunden für eine wir auf dem sich zu Anliegen "
           "werden Sie im Gespräch immer bei unser Team auch nach wenn Qualität Antwort schnell "
           "freundlich persönlich vollständig Kontakt dokumentieren prüfen klären "
           "Lösung verbindlich Zusage halten jede jeder Mitarbeiterin Mitarbeiter Leitung"),
    "it": ("il la che e non con i clienti per una noi sul si al richiesta sono voi nel "
           "colloquio sempre presso nostro team anche dopo quando qualità risposta rapida "
           "cortese personale completa contatto documentare verificare chiarire "
           "soluzione impegno mantenere ogni collaboratrice collaboratore responsabile"),
    "fr": ("le la que et ne pas avec les clients pour une nous sur se au demande sont vous "
           "dans entretien toujours chez notre équipe aussi après quand qualité réponse rapide "
           "aimable personnelle complète contact documenter vérifier clarifier "
           "solution engagement tenir chaque collaboratrice collaborateur responsable"),
    "en": ("the that and is not with customers for a we on to request are you in the "
           "conversation always at our team also after when quality answer quick friendly "
           "personal complete contact document check clarify solution commitment "
           "keep every colleague manager lead"),
}
HEADINGS = {
    "de": ("Grundsätze", "Kennzahlen", "Vorgehen", "Beispiele", "Hinweise"),
    "it": ("Principi", "Indicatori", "Procedura", "Esempi", "Note"),
    "fr": ("Principes", "Indicateurs", "Procédure", "Exemples", "Remarques"),
    "en": ("Principles", "Figures", "Procedure", "Examples", "Notes"),
}
DECIMAL = {"de": ",", "it": ",", "fr": ",", "en": "."}


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(length))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(_sentence(rng, words, rng.randint(9, 15)) for _ in range(sentences))


def page_body(lang: str, number: int, total: int) -> str:
    """One page; the same seed per page number gives the same structure in every language."""
    structure = random.Random(number)
    words = VOCABULARY[lang].split()
    text = random.Random(f"{lang}{number}")
    other = structure.randrange(total)
    link = f"../part-{other // PAGES_PER_FOLDER:02d}/page-{other:04d}.md#{SECTIONS[1]}"
    share = structure.randint(50, 95)
    count = structure.randint(1000, 9999)
    decimal = DECIMAL[lang]
    group = "." if decimal == "," else ","
    lines = [f"# {HEADINGS[lang][0]} {number}", "", _paragraph(text, words, 4), ""]
    for index, section_id in enumerate(SECTIONS):
        lines += [f"## {HEADINGS[lang][index]} {{#{section_id}}}", ""]
        lines += [_paragraph(text, words, 4), ""]
        if section_id == "principles":
            lines += [f"- {_sentence(text, words, 10)}" for _ in range(4)] + [""]
        elif section_id == "figures":
            lines += [f"Net Promoter Score (NPS): {_sentence(text, words, 8)}", ""]
            lines += ["| A | B | C |", "| --- | --- | --- |",
                      f"| {share} % | {count // 1000}{group}{count % 1000:03d} | 7{decimal}5 |",
                      f"| {100 - share} % | 12 | 2025-03-01 |", ""]
        elif section_id == "procedure":
            lines += [f"{step}. {_sentence(text, words, 8)}" for step in range(1, 4)] + [""]
            lines += [f"[{HEADINGS[lang][1]}]({link})", ""]
        elif section_id == "examples":
            lines += ["```text", f"total = {count}", "# not a heading", "```", ""]
        else:
            lines += ['!!! note', f"    {_sentence(text, words, 12)}", "",
                      f"[{HEADINGS[lang][0]}](#principles)", ""]
    return "\n".join(lines)


def front_matter(lang: str, number: int) -> str:
    return (f"---\ntitle: {HEADINGS[lang][0]} {number}\ndescription: Seite {number}\n"
            f"owner: Quality management\nlast_reviewed: {datetime.date.today().isoformat()}\n"
            "review_interval_months: 12\n---\n\n")


def site_config(source: Path) -> str:
    """This repository's mkdocs.yml without its page tree (the generated pages differ)."""
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


def generate(root: Path, pages: int) -> None:
    (root / "mkdocs.yml").write_text(site_config(REPO / "mkdocs.yml"), "utf-8")
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", root / "overrides")
    for lang in LANGS:
        for number in range(pages):
            path = root / "docs" / lang / f"part-{number // PAGES_PER_FOLDER:02d}" / f"page-{number:04d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(front_matter(lang, number) + page_body(lang, number, pages), "utf-8")
    concepts = "".join(
        f"  - id: {concept}\n    abbreviation: {concept.upper()}\n    group: metrics\n" + "".join(
            f"    {lang}: {{term: {term}, definition: {term}.}}\n" for lang in LANGS)
        for concept, term in (("nps", "Net Promoter Score"), ("fcr", "First Contact Resolution")))
    (root / "docs" / "termbase.yml").write_text(f"version: 1\nconcepts:\n{concepts}", "utf-8")


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
        generate(root, args.pages)
        pages = [f"part-{n // PAGES_PER_FOLDER:02d}/page-{n:04d}.md" for n in range(args.pages)]
        for lang in LANGS[1:]:
            _, result = kbsync(root, "sync", lang, *pages)
            if result.returncode:
                sys.stderr.write(result.stderr)
                return 1
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
        print(f"{len(LANGS)} languages x {args.pages} pages, {len(LANGS) * args.pages} files; "
              f"median of {args.repeat} kbsync runs")
        print("| step | seconds | % of build | target |")
        print("| --- | ---: | ---: | --- |")
        print(f"| mkdocs build | {build:.2f} | 100.0 | |")
        for kind in ("cold", "warm"):
            seconds = statistics.median(times[kind])
            limit, share = TARGETS[kind]
            verdict = "met" if seconds <= limit and seconds / build * 100 <= share else "MISSED"
            print(f"| kbsync check, {kind} | {seconds:.2f} | {seconds / build * 100:.1f} | "
                  f"<= {limit:g} s and <= {share:g} % ({verdict}) |")
        return 0
    finally:
        if args.keep:
            print(f"tree kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
