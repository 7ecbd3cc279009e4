"""French: interface strings, formats, signs for language identification, search rules."""

from kbsync.languages import LanguageProfile, SampleText

PROFILE = LanguageProfile(
    locale="fr",
    ui={
        "redirect_title": 'Page déplacée',
        "redirect_body": 'Cette page a été déplacée :',
        "text_changed_label": 'Texte modifié le',
        "outdated_title": 'Traduction pas à jour',
        "outdated_intro": 'Le texte allemand de ces sections a changé depuis la traduction de la page. La version allemande fait foi :',
        "changed_on": 'modifiée le {date}',
        "changed": 'modifiée',
        "new_in_source": 'nouvelle dans le texte allemand',
        "removed_in_source": 'supprimée du texte allemand',
        "section_mark": 'Cette section n’est pas à jour.',
        "section_mark_link": 'Voir le texte allemand',
        "retired_section": 'Une section de cette page a été supprimée. Son contenu se trouve désormais ici :',
        "untranslated_title": 'Pas encore traduite',
        "untranslated_body": 'Cette page n’existe pas encore dans votre langue. Vous lisez la version allemande.',
        "untranslated_link": 'Page originale en allemand',
        "review_title": 'Vérification en retard',
        "review_body": 'Cette page aurait dû être vérifiée le {date}. En cas de doute, adressez-vous au responsable : {owner}.',
        "col_language": 'Langue',
        "col_pages_current": 'Pages à jour',
        "col_sections_current": 'Sections à jour',
        "col_outdated": 'Sections pas à jour',
        "col_missing": 'Pages manquantes',
        "col_reviewed": 'Traduction relue',
        "col_page": 'Page',
        "col_due_since": 'À vérifier depuis le',
        "col_owner": 'Responsable',
        "col_date": 'Date',
        "col_section": 'Section',
        "col_change": 'Modification',
        "cell_current": 'à jour',
        "cell_outdated": 'pas à jour ({count} sections)',
        "cell_outdated_one": 'pas à jour (1 section)',
        "cell_missing": 'manquante',
        "cell_untracked": 'non suivie',
        "cell_source": 'original',
        "reviews_none": 'Aucune vérification n’est en retard pour le moment.',
        "kind_added": 'nouvelle section',
        "kind_changed": 'modifiée',
        "kind_removed": 'section supprimée',
        "kind_page-added": 'nouvelle page',
        "kind_page-removed": 'page supprimée',
        "whole_page": 'page entière',
        "no_history": 'L’historique des versions n’est pas disponible pour cette version du site ({reason}). Les modifications apparaîtront ici dès que le site sera généré depuis le dépôt avec son historique.',
        "owner_label": 'Responsable',
        "last_reviewed_label": 'Dernière vérification',
        "permalink_title": 'Lien vers cette section',
        "not_found_title": 'Page introuvable',
        "not_found_body": 'Cette page n’existe pas ou n’existe plus. Elle a peut-être été déplacée.',
        "not_found_home": 'Retour à l’accueil',
        "not_found_search": 'Vous pouvez aussi rechercher un terme ci-dessus.',
    },
    first_day_pattern="'1er' MMMM y",
    # French typography puts a narrow no-break space before the percent sign (Babel: a no-break space).
    percent_pattern="#,##0.#\u202f%",
    function_words=frozenset("le la les de des du et est un une pour pas que qui dans sur au aux avec ce "
                             "cette ces il elle ils elles sont être ne se son sa ses leur leurs par plus ou "
                             "chaque en".split()),
    letters=frozenset("éèêàâçùûîôœ"),
    sample=SampleText(
        vocabulary=('le la que et ne pas avec les clients pour une nous sur se au demande sont vous dans '
                    'entretien toujours chez notre équipe aussi après quand qualité réponse rapide '
                    'aimable personnelle complète contact documenter vérifier clarifier solution '
                    'engagement tenir chaque collaboratrice collaborateur responsable'),
        headings=('Principes', 'Indicateurs', 'Procédure', 'Exemples', 'Remarques'),
        titles={'home': 'Accueil', 'areas': 'Domaines', 'area': 'Domaine', 'parts': 'Parties', 'part': 'Partie', 'pages': 'Pages'},
    ),
)
