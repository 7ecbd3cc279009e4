"""Adding a language is its mkdocs.yml entry, one profile module and the content: nothing else.

A copy of the knowledge base gets Spanish: an `es` entry in mkdocs.yml, the profile
(spanish_profile.py, put beside kbsync's profiles as `es.py`), the termbase's Spanish terms and one
translated page. The real kbsync command and a real `mkdocs build --strict` then serve Spanish
readers in Spanish. Without the profile, both name the file to add.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
SPANISH = """\
        - locale: es
          name: Español
          build: true
          site_name: Calidad del servicio – Base de conocimiento
          nav_translations:
            Startseite: Inicio
            Leitlinien: Directrices
            Kennzahlen: Indicadores
            Nachschlagen: Consulta
"""
# Runs a command with a folder of extra profiles on kbsync.languages' search path, as if they were in it.
WITH_PROFILES = ("import runpy, sys, kbsync.languages as languages; languages.__path__.append(sys.argv.pop(1)); "
                 "module = sys.argv.pop(1); sys.argv[0] = module; runpy.run_module(module, run_name='__main__')")


def run(root: Path, profiles: Path, module: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITH_PROFILES, str(profiles), module, *arguments], cwd=root,
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


@pytest.fixture(scope="module")
def spanish_kb(tmp_path_factory, kb_tools) -> tuple[Path, Path]:
    copy_knowledge_base, _ = kb_tools
    root = copy_knowledge_base(tmp_path_factory.mktemp("kb"))
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  - kbsync:\n", SPANISH + "  - kbsync:\n", 1), "utf-8")
    termbase = yaml.safe_load((root / "docs/termbase.yml").read_text("utf-8"))
    for concept in termbase["concepts"]:  # test data: the English entries stand in for Spanish ones
        concept["es"] = copy.deepcopy(concept["en"])  # no shared objects: YAML anchors are refused
    (root / "docs/termbase.yml").write_text(yaml.safe_dump(termbase, allow_unicode=True, sort_keys=False), "utf-8")
    (root / "docs/es").mkdir()
    shutil.copy2(root / "docs/en/index.md", root / "docs/es/index.md")
    return root, tmp_path_factory.mktemp("profiles")


def test_without_a_profile_the_command_and_the_build_name_the_file_to_add(spanish_kb):
    root, empty = spanish_kb
    check = run(root, empty, "kbsync", "check")
    assert check.returncode == 2
    assert "language `es` of mkdocs.yml has no language profile (add scripts/kbsync/languages/es.py" in check.stderr
    build = run(root, empty, "mkdocs", "build", "--strict", "-d", str(root / "site-none"))
    assert build.returncode == 1
    assert "add scripts/kbsync/languages/es.py" in build.stderr
    assert "Traceback" not in check.stderr + build.stderr


@pytest.mark.build
def test_a_profile_module_gives_the_new_language_its_site_and_its_status(spanish_kb, tmp_path):
    root, _ = spanish_kb
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    shutil.copy2(HERE / "spanish_profile.py", profiles / "es.py")

    check = run(root, profiles, "kbsync", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    status = json.loads(run(root, profiles, "kbsync", "status", "--format", "json").stdout)
    spanish = next(item for item in status["languages"] if item["lang"] == "es")
    assert spanish["name"] == "Español"
    assert spanish["pages"]["missing"] == spanish["total_pages"] - 1 > 10

    build = run(root, profiles, "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr[-3000:]
    site = tmp_path / "site" / "es"
    home = (site / "index.html").read_text("utf-8")
    assert '<html lang="es"' in home and 'title="Enlace a esta sección"' in home
    fallback = (site / "guidelines/service-quality/index.html").read_text("utf-8")
    assert "Todavía sin traducir" in fallback and "Esta página aún no está disponible en su idioma." in fallback
    assert re.search(r'Última revisión:\s*<time datetime="\d{4}-\d\d-\d\d">\d{1,2} de [a-z]+ de \d{4}</time>', fallback)
    assert "Español" in (site / "translation-status/index.html").read_text("utf-8")
    assert "Página no encontrada" in (site / "404.html").read_text("utf-8")
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["es"]
    assert "parts" not in index["config"]["fields"], "Spanish writes no compounds as one word"
