/*
 * A printed page gives the day it was printed: written when the page is shown and again just before
 * it prints (a page left open overnight), in the page's language. data-formats holds the language's
 * date pattern, {d} {m} {y}, and month names (kbsync.site.print_meta). Without JavaScript
 * the print date stays hidden; address and version are in the page itself.
 */
"use strict"

{
  const printed = document.querySelector(".kb-print-date")
  const time = printed && printed.querySelector("time[data-formats]")
  if (time) {
    const formats = JSON.parse(time.dataset.formats)
    const show = () => {
      const today = new Date()
      const day = today.getDate(), month = today.getMonth(), year = today.getFullYear()
      const written = day === 1 && formats.first ? formats.first : formats.day
      const months = written.months || formats.day.months
      time.textContent = written.pattern.replace("{d}", day).replace("{m}", months[month]).replace("{y}", year)
      time.dateTime = [year, month + 1, day].map(part => String(part).padStart(2, "0")).join("-")
      printed.hidden = false
    }
    show()
    addEventListener("beforeprint", show)
  }
}
