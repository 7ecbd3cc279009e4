/*
 * The language switch keeps the section: the i18n plugin links each language's version of the
 * page, and section IDs are the same in every language, so the reader's #section is added to
 * each link, and follows the reader from section to section.
 */
"use strict"

{
  const links = document.querySelectorAll("a.md-select__link[hreflang]")
  const keepSection = () => {
    for (const link of links) {
      const url = new URL(link.href)
      url.hash = location.hash
      link.href = url.href
    }
  }
  keepSection()
  addEventListener("hashchange", keepSection)
}
