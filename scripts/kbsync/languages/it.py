"""Italian: interface strings, formats, signs for language identification, search rules."""

from kbsync.languages import LanguageProfile, SampleText, spelled_numbers

PROFILE = LanguageProfile(
    locale="it",
    ui={
        "redirect_title": 'Pagina spostata',
        "redirect_body": 'Questa pagina è stata spostata:',
        "text_changed_label": "Testo modificato l'ultima volta",
        "outdated_title": 'Traduzione non aggiornata',
        "outdated_intro": 'Il testo tedesco di queste sezioni è cambiato dopo la traduzione della pagina. Fa fede la versione tedesca:',
        "changed_on": 'modificata il {date}',
        "changed": 'modificata',
        "new_in_source": 'nuova nel testo tedesco',
        "removed_in_source": 'eliminata dal testo tedesco',
        "section_mark": 'Questa sezione non è aggiornata.',
        "section_mark_link": 'Vai al testo tedesco',
        "retired_section": 'Una sezione di questa pagina è stata rimossa. Il suo contenuto si trova ora qui:',
        "untranslated_title": 'Non ancora tradotta',
        "untranslated_body": 'Questa pagina non è ancora disponibile nella tua lingua. Stai leggendo la versione tedesca.',
        "untranslated_link": 'Pagina originale in tedesco',
        "review_title": 'Verifica scaduta',
        "review_body": 'Questa pagina avrebbe dovuto essere verificata il {date}. In caso di dubbi rivolgiti al responsabile: {owner}.',
        "col_language": 'Lingua',
        "col_pages_current": 'Pagine aggiornate',
        "col_sections_current": 'Sezioni aggiornate',
        "col_outdated": 'Sezioni non aggiornate',
        "col_missing": 'Pagine mancanti',
        "col_page": 'Pagina',
        "col_due_since": 'Scaduta dal',
        "col_owner": 'Responsabile',
        "col_date": 'Data',
        "col_section": 'Sezione',
        "col_change": 'Modifica',
        "cell_current": 'aggiornata',
        "cell_outdated": 'non aggiornata ({count} sezioni)',
        "cell_outdated_one": 'non aggiornata (1 sezione)',
        "cell_missing": 'mancante',
        "cell_untracked": 'non registrata',
        "cell_source": 'originale',
        "reviews_none": 'Al momento nessuna verifica è scaduta.',
        "kind_added": 'nuova sezione',
        "kind_changed": 'modificata',
        "kind_removed": 'sezione eliminata',
        "kind_page-added": 'nuova pagina',
        "kind_page-removed": 'pagina eliminata',
        "whole_page": 'intera pagina',
        "no_history": 'Per questa versione del sito non è disponibile la cronologia delle versioni ({reason}). Le modifiche compariranno qui quando il sito verrà generato dal repository con la sua cronologia.',
        "owner_label": 'Responsabile',
        "last_reviewed_label": 'Ultima verifica',
        "permalink_title": 'Link a questa sezione',
        "not_found_title": 'Pagina non trovata',
        "not_found_body": 'Questa pagina non esiste o non esiste più. Forse è stata spostata.',
        "not_found_home": 'Vai alla pagina iniziale',
        "not_found_search": 'Oppure cerca un termine qui sopra.',
        "go_link_title": 'Link per tutte le lingue',
        "print_date": 'Stampato il',
        "print_version": 'Versione del',
        "print_preview": 'Anteprima – non è la versione pubblicata',
    },
    abbreviations=("ad es.", "p. es.", "ecc.", "ca.", "cfr.", "es.", "n.", "pag.", "pagg.", "art.", "vol.", "sig.",
                   "sigg.", "dott.", "prof.", "et al."),
    function_words=frozenset("il lo la gli le di che è e per un una non con del della dello dei degli delle al "
                             "alla allo ai agli alle nel nella nei nelle sono si come anche più se ma questo "
                             "questa questi queste essere viene vengono ogni su da dal dalla".split()),
    letters=frozenset("àèéìòù"),
    number_words=spelled_numbers(
        "zero - due tre quattro cinque sei sette otto nove dieci undici dodici",  # uno: the article
        tens="venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
        ordinals="prim second terz quart quint sest settim ottav non decim",
        endings=("o", "a", "i", "e"), others={"mille": 1000},
        # also "according to", "you are", "before"; `none` is English
        ambiguous="secondo sei prima none"),
    sample=SampleText(
        vocabulary=('il la che e non con i clienti per una noi sul si al richiesta sono voi nel '
                    'colloquio sempre presso nostro team anche dopo quando qualità risposta rapida '
                    'cortese personale completa contatto documentare verificare chiarire soluzione '
                    'impegno mantenere ogni collaboratrice collaboratore responsabile'),
        headings=('Principi', 'Indicatori', 'Procedura', 'Esempi', 'Note'),
        titles={'home': 'Pagina iniziale', 'areas': 'Aree', 'area': 'Area', 'parts': 'Parti', 'part': 'Parte', 'pages': 'Pagine'},
    ),
)
