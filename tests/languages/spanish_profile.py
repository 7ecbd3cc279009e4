"""A Spanish profile, written as a new language's profile would be: the one module adding a language takes.

tests/languages/test_adding_a_language.py puts it beside kbsync's own profiles (on the package's
search path) for the length of a test.
"""

from kbsync.languages import LanguageProfile, SampleText

PROFILE = LanguageProfile(
    locale="es",
    ui={
        "redirect_title": "Página trasladada",
        "redirect_body": "Esta página se ha trasladado:",
        "text_changed_label": "Texto modificado por última vez",
        "outdated_title": "Traducción no actualizada",
        "outdated_intro": "El texto alemán de estas secciones ha cambiado desde que se tradujo la página. "
                          "Prevalece la versión alemana:",
        "changed_on": "modificada el {date}",
        "changed": "modificada",
        "new_in_source": "nueva en el texto alemán",
        "removed_in_source": "suprimida del texto alemán",
        "section_mark": "Esta sección no está actualizada.",
        "section_mark_link": "Ir al texto alemán",
        "retired_section": "Se ha eliminado una sección de esta página. Su contenido se encuentra ahora aquí:",
        "local_rule": "Norma local: {market}",
        "col_local_sections": "Secciones locales",
        "untranslated_title": "Todavía sin traducir",
        "untranslated_body": "Esta página aún no está disponible en su idioma. Está leyendo la versión alemana.",
        "untranslated_link": "Página original en alemán",
        "review_title": "Revisión pendiente",
        "review_body": "Esta página debía revisarse el {date}. En caso de duda, consulte al responsable: {owner}.",
        "col_language": "Idioma",
        "col_pages_current": "Páginas actualizadas",
        "col_sections_current": "Secciones actualizadas",
        "col_outdated": "Secciones no actualizadas",
        "col_missing": "Páginas que faltan",
        "col_reviewed": "Traducción revisada",
        "col_page": "Página",
        "col_due_since": "Pendiente desde",
        "col_owner": "Responsable",
        "col_date": "Fecha",
        "col_section": "Sección",
        "col_change": "Cambio",
        "cell_current": "actualizada",
        "cell_outdated": "no actualizada ({count} secciones)",
        "cell_outdated_one": "no actualizada (1 sección)",
        "cell_missing": "falta",
        "cell_untracked": "sin registrar",
        "cell_source": "original",
        "reviews_none": "Por ahora no hay ninguna revisión pendiente.",
        "kind_added": "sección nueva",
        "kind_changed": "modificada",
        "kind_removed": "sección suprimida",
        "kind_page-added": "página nueva",
        "kind_page-removed": "página suprimida",
        "whole_page": "toda la página",
        "no_history": "No hay historial de versiones para esta versión del sitio ({reason}). Los cambios aparecerán "
                      "aquí cuando el sitio se genere desde el repositorio con su historial.",
        "owner_label": "Responsable",
        "last_reviewed_label": "Última revisión",
        "permalink_title": "Enlace a esta sección",
        "not_found_title": "Página no encontrada",
        "not_found_body": "Esta página no existe o ya no existe. Es posible que se haya trasladado.",
        "not_found_home": "Ir a la página de inicio",
        "not_found_search": "O busque un término arriba.",
        "go_link_title": "Enlace para todos los idiomas",
        "print_date": "Impreso el",
        "print_version": "Versión del",
        "print_preview": "Vista previa – no es la versión publicada",
        "pdf_page_link": "Esta página en PDF",
        "pdf_book_link": "Toda la base de conocimientos en PDF",
        "pdf_contents": "Índice",
        "pdf_online_label": "En línea",
        "pdf_built": "PDF generado el {date}",
        "pdf_qr_caption": "En su idioma: escanee el código o abra la dirección",
        "facts_now": "El texto alemán indica ahora {figures}.",
        "facts_before": "{now} (antes: {before})",
        "facts_added": "Nuevo en el texto alemán: {figures}.",
        "facts_removed": "Ya no figura en el texto alemán: {figures}.",
        "facts_changed": "Cifras nuevas",
        "facts_note": "{change}, con cifras nuevas",
        "facts_banner": "Datos cambiados: en las secciones «con cifras nuevas», el texto alemán indica ahora números, "
                        "fechas o importes distintos de los de esta traducción. La nota bajo el título de cada una "
                        "los muestra.",
        "outdated_sections_none": "Todas las secciones traducidas corresponden al texto alemán.",
    },
    date_pattern="d 'de' MMMM 'de' y",
    abbreviations=("p. ej.", "etc.", "aprox.", "núm.", "pág.", "Sr.", "Sra.", "Dr.", "et al."),
    function_words=frozenset("el la los las de del y que en un una para con por no es son se su sus al "
                             "como más pero este esta estos estas cada".split()),
    letters=frozenset("ñáéíóú¿¡"),
    market="España",
    sample=SampleText(
        vocabulary=("el la que y no con los clientes para una nosotros sobre se al solicitud son ustedes en "
                    "conversación siempre en nuestro equipo también después cuando calidad respuesta rápida "
                    "amable personal completa contacto documentar verificar aclarar solución compromiso "
                    "mantener cada colaboradora colaborador responsable"),
        headings=("Principios", "Indicadores", "Procedimiento", "Ejemplos", "Notas"),
        titles={"home": "Inicio", "areas": "Áreas", "area": "Área", "parts": "Partes", "part": "Parte",
                "pages": "Páginas"},
    ),
)
