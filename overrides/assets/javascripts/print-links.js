/*
 * A printed page says where its links lead: the print stylesheet writes each link's full address
 * after it, from data-print-url (the href itself is relative, "../nps/", useless on paper).
 * Links to a section of the same page and the headings' permalinks are left out.
 */
"use strict"

for (const link of document.querySelectorAll(".md-content a[href]:not(.headerlink)"))
  if (!link.getAttribute("href").startsWith("#"))
    link.dataset.printUrl = link.href
