"""German: interface strings, formats, signs for language identification, search rules."""

from kbsync.languages import LanguageProfile, SampleText

PROFILE = LanguageProfile(
    locale="de",
    ui={
        "redirect_title": 'Seite umgezogen',
        "redirect_body": 'Diese Seite ist umgezogen:',
        "text_changed_label": 'Text zuletzt geändert',
        "outdated_title": 'Übersetzung nicht auf dem neuesten Stand',
        "outdated_intro": 'Der deutsche Text dieser Abschnitte hat sich geändert, seit die Seite übersetzt wurde. Verbindlich ist die deutsche Fassung:',
        "changed_on": 'geändert am {date}',
        "changed": 'geändert',
        "new_in_source": 'neu im deutschen Text',
        "removed_in_source": 'im deutschen Text entfallen',
        "section_mark": 'Dieser Abschnitt ist nicht auf dem neuesten Stand.',
        "section_mark_link": 'Zum deutschen Text',
        "retired_section": 'Ein Abschnitt dieser Seite wurde entfernt. Sein Inhalt steht jetzt hier:',
        "untranslated_title": 'Noch nicht übersetzt',
        "untranslated_body": 'Diese Seite gibt es noch nicht in Ihrer Sprache. Sie lesen die deutsche Fassung.',
        "untranslated_link": 'Deutsche Originalseite',
        "review_title": 'Überprüfung fällig',
        "review_body": 'Diese Seite hätte am {date} überprüft werden sollen. Bei Zweifeln fragen Sie die verantwortliche Stelle: {owner}.',
        "col_language": 'Sprache',
        "col_pages_current": 'Seiten aktuell',
        "col_sections_current": 'Abschnitte aktuell',
        "col_outdated": 'Veraltete Abschnitte',
        "col_missing": 'Fehlende Seiten',
        "col_reviewed": 'Übersetzung geprüft',
        "col_page": 'Seite',
        "col_due_since": 'Fällig seit',
        "col_owner": 'Verantwortlich',
        "col_date": 'Datum',
        "col_section": 'Abschnitt',
        "col_change": 'Änderung',
        "cell_current": 'aktuell',
        "cell_outdated": 'veraltet ({count} Abschnitte)',
        "cell_outdated_one": 'veraltet (1 Abschnitt)',
        "cell_missing": 'fehlt',
        "cell_untracked": 'nicht erfasst',
        "cell_source": 'Quelle',
        "reviews_none": 'Zurzeit ist keine Überprüfung fällig.',
        "kind_added": 'neuer Abschnitt',
        "kind_changed": 'geändert',
        "kind_removed": 'Abschnitt entfernt',
        "kind_page-added": 'neue Seite',
        "kind_page-removed": 'Seite entfernt',
        "whole_page": 'ganze Seite',
        "no_history": 'Für diese Fassung der Website ist keine Versionsgeschichte verfügbar ({reason}). Die Änderungen erscheinen hier, sobald die Website aus dem Repository mit seiner Geschichte gebaut wird.',
        "owner_label": 'Verantwortlich',
        "last_reviewed_label": 'Zuletzt geprüft',
        "permalink_title": 'Link zu diesem Abschnitt',
        "not_found_title": 'Seite nicht gefunden',
        "not_found_body": 'Diese Seite gibt es nicht oder nicht mehr. Vielleicht wurde sie verschoben.',
        "not_found_home": 'Zur Startseite',
        "not_found_search": 'Oder suchen Sie oben nach einem Begriff.',
    },
    date_pattern="d. MMMM y",
    compound_linking_elements=("", "s", "es", "n", "en", "e", "er", "ens"),
    function_words=frozenset("der die das den dem und ist sind nicht mit von zu zum zur ein eine einen einem "
                             "einer eines für auf aus bei nach vom beim über unter durch gegen ohne um sich sie er "
                             "es wir ihr ihre ihren sein seine wird werden wurde wurden kann können muss müssen "
                             "soll sollen haben hat auch oder wie wenn dass damit als noch nur schon sehr mehr "
                             "jede jeder jedes kein keine diese dieser diesem diesen dieses".split()),
    letters=frozenset("äöüß"),
    sample=SampleText(
        vocabulary=('der die das und ist nicht mit den Kunden für eine wir auf dem sich zu Anliegen '
                    'werden Sie im Gespräch immer bei unser Team auch nach wenn Qualität Antwort schnell '
                    'freundlich persönlich vollständig Kontakt dokumentieren prüfen klären Lösung '
                    'verbindlich Zusage halten jede jeder Mitarbeiterin Mitarbeiter Leitung'),
        headings=('Grundsätze', 'Kennzahlen', 'Vorgehen', 'Beispiele', 'Hinweise'),
        titles={'home': 'Startseite', 'areas': 'Bereiche', 'area': 'Bereich', 'parts': 'Teile', 'part': 'Teil', 'pages': 'Seiten'},
    ),
)
