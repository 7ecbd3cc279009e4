"""WeasyPrint reads files of the built site and nothing else: not another host, not the rest of the machine."""

from __future__ import annotations

import datetime
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kbsync.config import load_site_config
from kbsync.pdf.fetcher import SiteOnlyFetcher
from kbsync.pdf.plan import Chapter, Handout
from kbsync.pdf.render import render_handouts, settings_for

REPO = Path(__file__).resolve().parents[2]
# The smallest PNG: one transparent pixel.
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


@pytest.fixture
def server():
    """An HTTP server on 127.0.0.1 that records every request it gets (none may come)."""
    requests: list[str] = []

    class Recording(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PIXEL)

        def log_message(self, format, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recording)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()
    httpd.server_close()


def test_the_fetcher_knows_the_site_from_the_rest_of_the_machine(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets/logo.png").write_bytes(PIXEL)
    (tmp_path / "secret.png").write_bytes(PIXEL)
    (site / "assets/link.png").symlink_to(tmp_path / "secret.png")
    fetcher = SiteOnlyFetcher(site)
    assert fetcher.inside_site((site / "assets/logo.png").as_uri())
    assert not fetcher.inside_site((tmp_path / "secret.png").as_uri())
    assert not fetcher.inside_site((site / "assets/link.png").as_uri()), "a symbolic link out of the site"
    assert not fetcher.inside_site(f"{site.as_uri()}/../secret.png")
    assert not fetcher.inside_site("https://example.org/logo.png")
    assert not fetcher.inside_site(f"file://otherhost{site}/assets/logo.png")


def test_a_handout_reads_only_files_of_the_site_and_records_what_it_refused(tmp_path, server):
    base, requests = server
    site = tmp_path / "site"
    built = site / "it/metrics/nps/index.html"
    built.parent.mkdir(parents=True)
    (built.parent / "chart.png").write_bytes(PIXEL)
    (tmp_path / "private.png").write_bytes(PIXEL)
    built.write_text(f"""<!doctype html><html lang="it"><head><meta charset="utf-8"><title>NPS</title></head><body>
<article class="md-typeset"><h1 id="nps">Net Promoter Score</h1>
<style>@import url("{base}/import.css");</style>
<p style="background: url({base}/background.png)">Testo.</p>
<p><img src="chart.png" alt="a"> <img src="{base}/tracker.png" alt="b"> <img src="{(tmp_path / 'private.png').as_uri()}" alt="c"></p>
</article></body></html>""", "utf-8")
    config = load_site_config(REPO / "mkdocs.yml", environ={})
    chapter = Chapter(page="metrics/nps.md", url="it/metrics/nps/", built=built, text_changed=None,
                      address="https://kb.example.internal/it/metrics/nps/",
                      go="https://kb.example.internal/go/metrics/nps/")
    handout = Handout(lang="it", url="it/pdf/metrics/nps.pdf", chapters=(chapter,), book=False,
                      address=chapter.address, go=chapter.go)
    (written,) = render_handouts([handout], settings_for(config, site, [handout], datetime.date(2026, 11, 29)))

    assert requests == [], "nothing reached the server"
    assert sorted(written.refused) == sorted([f"{base}/import.css", f"{base}/background.png", f"{base}/tracker.png",
                                              (tmp_path / "private.png").as_uri()])
    assert written.fetched == ((built.parent / "chart.png").resolve().as_uri(),)
    pdf = site / "it/pdf/metrics/nps.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-") and written.size == pdf.stat().st_size and written.pages == 1
    assert [path.name for path in pdf.parent.iterdir()] == ["nps.pdf"], "no staged file is left"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), "every font is embedded"
    assert all("Liberation" in line.split()[0] for line in fonts), fonts
