/*
 * Search worker: Material's own worker, with queries stemmed the way the index is.
 *
 * Each language has its own search index, with that language's lunr stemmer in the pipeline
 * (scripts/kbsync/site_search_index.py). Material's worker appends "*" to every query term so
 * that results appear while the reader types, and lunr runs no pipeline on a term with a wildcard:
 * the stemmed index would only match a query that happens to be a stem ("rilevazione*" never
 * matches the stem "rilev" of "rilevazioni"). Three changes fix that, the rest stays Material's:
 *  - each plain query term is replaced by its stem before Material's worker reads the query;
 *  - the index keeps every word as written next to its stem, so a half-typed word still matches;
 *  - a word matched both as written and by its stem is highlighted once, not twice.
 * Material loads this worker through __config.search, its documented place for a custom worker;
 * the file name of Material's own worker arrives as ?worker=.
 */
"use strict"

/* Material's SearchMessageType */
const SETUP = 0
const QUERY = 2

/* Query terms in lunr's syntax (+must, -must-not, wildcard, fuzzy, boost, field, phrase) stay as typed */
const SYNTAX = /^[+-]|[*~^:"]/

let locale

/* Registered before Material's worker, so this listener sees each message first */
addEventListener("message", event => {
  const message = event.data
  if (message.type === SETUP)
    locale = message.data.config.lang[0]
  else if (message.type === QUERY && locale)
    message.data = stemQuery(message.data)
})

const worker = new URL(location.href).searchParams.get("worker") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker))
  throw new Error(`language-search.js: ?worker= must name Material's search worker, not "${worker}"`)
importScripts(worker)

/* lunr's language module: stemmer, stop words and trimmer; a language without one (English) uses lunr's own.
   The build refuses a language whose profile needs a module the theme does not ship. */
function language() {
  return lunr[locale] || lunr
}

function stemQuery(query) {
  return query
    .split(/(\s+)/)
    .map(part => SYNTAX.test(part) ? part : stemWords(part))
    .join("")
}

function stemWords(part) {
  const { trimmer, stopWordFilter, stemmer } = language()
  return part
    .split(lunr.tokenizer.separator)
    .filter(word => word.length > 0)
    .map(word => {
      const token = trimmer(new lunr.Token(word.toLowerCase(), {}))
      if (!token.toString() || !stopWordFilter(token))
        return word
      return stemmer(token).toString()
    })
    .join(" ")
}

/* Keep the word beside its stem in the index: the stemmer step emits both */
const indexed = new WeakSet()
const add = lunr.Builder.prototype.add
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!indexed.has(this)) {
    keepWords(this.pipeline)
    indexed.add(this)
  }
  return add.call(this, doc, attributes)
}

function keepWords(pipeline) {
  const { stemmer } = language()
  if (!pipeline.toJSON().includes(stemmer.label))
    return
  const stemAndKeep = token => {
    const stem = stemmer(token.clone())
    return stem.toString() === token.toString() ? token : [token, stem]
  }
  lunr.Pipeline.registerFunction(stemAndKeep, `${stemmer.label}-keeping-words`)
  pipeline.before(stemmer, stemAndKeep)
  pipeline.remove(stemmer)
}

/* Word and stem share their position in the text: report each position once, or Material marks it twice */
const query = lunr.Index.prototype.query
lunr.Index.prototype.query = function (fn) {
  const results = query.call(this, fn)
  for (const { matchData } of results)
    dropRepeatedPositions(matchData)
  return results
}

function dropRepeatedPositions(matchData) {
  const seen = new Map()
  for (const fields of Object.values(matchData.metadata))
    for (const [field, metadata] of Object.entries(fields)) {
      if (!metadata.position)
        continue
      if (!seen.has(field))
        seen.set(field, new Set())
      const positions = seen.get(field)
      metadata.position = metadata.position.filter(position =>
        !positions.has(position) && positions.add(position))
    }
}
