"""Interface strings the site shows around the content, in every site language.

One table, read by the MkDocs plugin and handed to the theme templates as ``kb_ui``.
A language of the site without an entry here is a configuration error, not a silent fallback.
"""

from __future__ import annotations

UI_TEXT: dict[str, dict[str, str]] = {
    "de": {
        "owner_label": "Verantwortlich",
        "last_reviewed_label": "Zuletzt geprüft",
        "permalink_title": "Link zu diesem Abschnitt",
        "not_found_title": "Seite nicht gefunden",
        "not_found_body": "Diese Seite gibt es nicht oder nicht mehr. Vielleicht wurde sie verschoben.",
        "not_found_home": "Zur Startseite",
        "not_found_search": "Oder suchen Sie oben nach einem Begriff.",
    },
    "it": {
        "owner_label": "Responsabile",
        "last_reviewed_label": "Ultima verifica",
        "permalink_title": "Link a questa sezione",
        "not_found_title": "Pagina non trovata",
        "not_found_body": "Questa pagina non esiste o non esiste più. Forse è stata spostata.",
        "not_found_home": "Vai alla pagina iniziale",
        "not_found_search": "Oppure cerca un termine qui sopra.",
    },
    "fr": {
        "owner_label": "Responsable",
        "last_reviewed_label": "Dernière vérification",
        "permalink_title": "Lien vers cette section",
        "not_found_title": "Page introuvable",
        "not_found_body": "Cette page n’existe pas ou n’existe plus. Elle a peut-être été déplacée.",
        "not_found_home": "Retour à l’accueil",
        "not_found_search": "Vous pouvez aussi rechercher un terme ci-dessus.",
    },
    "en": {
        "owner_label": "Owner",
        "last_reviewed_label": "Last reviewed",
        "permalink_title": "Link to this section",
        "not_found_title": "Page not found",
        "not_found_body": "This page does not exist, or no longer exists. It may have been moved.",
        "not_found_home": "Go to the home page",
        "not_found_search": "Or search for a term above.",
    },
}


def ui_text(locale: str) -> dict[str, str]:
    """The strings for ``locale``; raises ``KeyError`` naming the missing language."""
    try:
        return UI_TEXT[locale]
    except KeyError:
        raise KeyError(f"no interface strings for language '{locale}': add them to scripts/kbsync/ui_text.py") from None
