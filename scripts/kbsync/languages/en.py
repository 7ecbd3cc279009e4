"""English: interface strings, formats, signs for language identification, search rules."""

from kbsync.languages import LanguageProfile, SampleText, spelled_numbers

PROFILE = LanguageProfile(
    locale="en",
    ui={
        "redirect_title": 'Page moved',
        "redirect_body": 'This page has moved:',
        "text_changed_label": 'Text last changed',
        "outdated_title": 'Translation not up to date',
        "outdated_intro": 'The German text of these sections has changed since this page was translated. The German version is authoritative:',
        "changed_on": 'changed on {date}',
        "changed": 'changed',
        "new_in_source": 'new in the German text',
        "removed_in_source": 'removed from the German text',
        "section_mark": 'This section is not up to date.',
        "section_mark_link": 'Read the German text',
        "retired_section": 'A section of this page has been removed. Its content is now here:',
        "untranslated_title": 'Not translated yet',
        "untranslated_body": 'This page is not available in your language yet. You are reading the German version.',
        "untranslated_link": 'German original page',
        "review_title": 'Review overdue',
        "review_body": 'This page was due for review on {date}. If in doubt, ask the owner: {owner}.',
        "col_language": 'Language',
        "col_pages_current": 'Pages up to date',
        "col_sections_current": 'Sections up to date',
        "col_outdated": 'Outdated sections',
        "col_missing": 'Missing pages',
        "col_page": 'Page',
        "col_due_since": 'Due since',
        "col_owner": 'Owner',
        "col_date": 'Date',
        "col_section": 'Section',
        "col_change": 'Change',
        "cell_current": 'up to date',
        "cell_outdated": 'outdated ({count} sections)',
        "cell_outdated_one": 'outdated (1 section)',
        "cell_missing": 'missing',
        "cell_untracked": 'not tracked',
        "cell_source": 'source',
        "reviews_none": 'No review is due at the moment.',
        "kind_added": 'new section',
        "kind_changed": 'changed',
        "kind_removed": 'section removed',
        "kind_page-added": 'new page',
        "kind_page-removed": 'page removed',
        "whole_page": 'whole page',
        "no_history": 'No version history is available for this build of the site ({reason}). Changes will appear here once the site is built from the repository with its history.',
        "owner_label": 'Owner',
        "last_reviewed_label": 'Last reviewed',
        "permalink_title": 'Link to this section',
        "not_found_title": 'Page not found',
        "not_found_body": 'This page does not exist, or no longer exists. It may have been moved.',
        "not_found_home": 'Go to the home page',
        "not_found_search": 'Or search for a term above.',
    },
    lunr_builtin=True,
    abbreviations=("e.g.", "i.e.", "etc.", "et al.", "vs.", "approx.", "no.", "No.", "p.", "pp.", "cf.", "Fig.",
                   "Mr.", "Mrs.", "Ms.", "Dr.", "Prof."),
    number_words=spelled_numbers(
        "zero - two three four five six seven eight nine ten eleven twelve",  # one: "one of", "no one"
        tens="twenty thirty forty fifty sixty seventy eighty ninety",
        ordinals="first - third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth",
        others={"hundred": 100, "thousand": 1000}),  # second: also the unit of time
    function_words=frozenset("the and is are of to in for with on that this these those be it not or by as at "
                             "from an was were has have will can which their our your each into without against about yes no".split()),
    sample=SampleText(
        vocabulary=('the that and is not with customers for a we on to request are you in the '
                    'conversation always at our team also after when quality answer quick friendly '
                    'personal complete contact document check clarify solution commitment keep every '
                    'colleague manager lead'),
        headings=('Principles', 'Figures', 'Procedure', 'Examples', 'Notes'),
        titles={'home': 'Home', 'areas': 'Areas', 'area': 'Area', 'parts': 'Parts', 'part': 'Part', 'pages': 'Pages'},
    ),
)
