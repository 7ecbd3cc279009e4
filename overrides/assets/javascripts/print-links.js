/*
 * A printed page says where its links lead: the print stylesheet writes each link's full address
 * after it, from data-print-url (the href itself is relative, "../nps/", useless on paper). The
 * address is the canonical one (site_url, or KB_SITE_URL), whichever host the page was opened from:
 * the page's own canonical address is in its print header (.kb-print-address).
 * Links to a section of the same page and the headings' permalinks are left out.
 */
"use strict"

{
  const address = document.querySelector(".kb-print-address")
  const base = address ? address.textContent.trim() : location.href
  for (const link of document.querySelectorAll(".md-content a[href]:not(.headerlink)"))
    if (!link.getAttribute("href").startsWith("#"))
      link.dataset.printUrl = new URL(link.getAttribute("href"), base).href
}
