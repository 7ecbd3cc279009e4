"""PDF handouts: a PDF of every page in every language, and one of the whole knowledge base per language.

Rendered by WeasyPrint from the built site (`site/<lang>/.../index.html`), after the build:
`python -m kbsync.pdf` (`make pdf`). The built page is what readers see, banners, outdated-section
notes, generated glossary and status pages included, so the handout says what the page says;
rendering the Markdown again would need every site plugin a second time. `paths` says where the
PDFs are (the site's links to them use it too); `plan` which PDFs there are; `article` reads a
built page; `compose` writes a handout's HTML (cover, contents, chapters); `qr` the QR code;
`fetcher` lets WeasyPrint read files of the site and nothing else; `render` writes the PDFs on
every core. Nothing here changes a page of the site.
"""
