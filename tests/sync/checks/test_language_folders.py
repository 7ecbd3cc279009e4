"""The language_folders check (KB111, KB112, KB115–KB118): the tree is changed, the exact finding is expected."""

from __future__ import annotations

import os
import shutil

IT = "docs/it/guidelines/service-quality.md"


def test_a_name_that_is_not_utf8_is_reported_and_not_read(synced):
    (synced.root / "docs/it").joinpath(os.fsdecode(b"caf\xe9.md")).write_bytes(b"# Caffe\n")
    (synced.root / "docs/it").joinpath(os.fsdecode(b"f\xfcr")).mkdir()
    (synced.root / "docs/it").joinpath(os.fsdecode(b"f\xfcr"), "page.md").write_bytes(b"# Seite\n")
    result = synced.run("check")
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert result.lines == [
        "docs/it/caf\\xe9.md:0: KB115 the name is not UTF-8 (the bytes shown as \\x..): rename it in UTF-8, "
        "e.g. `git mv` it to a name in plain ASCII",
        "docs/it/f\\xfcr/:0: KB115 the name is not UTF-8 (the bytes shown as \\x..): rename it in UTF-8, "
        "e.g. `git mv` it to a name in plain ASCII"]


def test_page_files_that_do_not_end_in_md_are_reported(synced):
    shutil.copyfile(synced.root / IT, synced.root / "docs/it/guidelines/extra.MD")
    shutil.copyfile(synced.root / IT, synced.root / "docs/de/notes.markdown")
    synced.write("docs/it/guidelines/chart.png", b"\x89PNG\r\n")
    synced.write("docs/it/guidelines/.draft.mkd", "# hidden\n")
    assert synced.findings() == [
        "docs/de/notes.markdown:0: KB116 pages end in `.md`: rename it to docs/de/notes.md (the site would publish "
        "it as it is, and kbsync does not check it)",
        "docs/it/guidelines/extra.MD:0: KB116 pages end in `.md`: rename it to docs/it/guidelines/extra.md (the "
        "site would publish it as it is, and kbsync does not check it)"]


def test_a_language_folder_that_is_a_file_is_reported_once(synced):
    shutil.rmtree(synced.root / "docs/fr")
    synced.write("docs/fr", "not a folder\n")
    result = synced.run("check", "--fail-on", "outdated")
    assert result.code == 1
    assert result.lines == ["docs/fr:0: KB117 docs/fr is a file; the pages in Français belong in a folder "
                            "docs/fr/: move the file away and create the folder"]


def test_a_page_that_links_to_nothing_is_reported(synced):
    (synced.root / "docs/it/loop.md").symlink_to(synced.root / "docs/it/loop.md")
    (synced.root / "docs/fr/gone.md").symlink_to(synced.root / "docs/fr/nowhere.md")
    result = synced.run("check")
    assert result.code == 1 and "Traceback" not in result.out + result.err
    assert result.lines == [
        f"docs/fr/gone.md:0: KB118 a symbolic link to {synced.root}/docs/fr/nowhere.md, which does not exist or "
        "links back to itself: replace the link with the page, or delete it",
        f"docs/it/loop.md:0: KB118 a symbolic link to {synced.root}/docs/it/loop.md, which does not exist or "
        "links back to itself: replace the link with the page, or delete it"]
