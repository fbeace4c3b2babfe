/* Wirearchive search worker: Material for MkDocs' search box talks to it by the messages
 * of Material's own worker (SETUP 0, READY 1, QUERY 2, RESULT 3), and the /search/ page by
 * `wa:search` messages. It answers from the prebuilt index, never building one from
 * `search_index.json`: that file only brings the hand-written pages, searched beside the
 * dispatches and glossary entries. `bundle.worker_script` puts it in one file after lunr,
 * the stemmers, the pipeline and the engine, and writes in `WA_ROOT` (the site root,
 * relative to this file) and `WA_LOCALE` (the site's language, for dates).
 */
(function () {
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const engine = new WirearchiveSearch(`${new URL(WA_ROOT, self.location)}`);
engine.ready().catch(() => null);  // the manifest, fetched while the page still loads
let pages = null;
let generation = 0;

/* Hand-written pages from Material's index: few, so a small in-worker lunr index. */
function setupPages(docs) {
  const list = (docs || []).filter(doc => !doc.location.includes("#") && doc.location !== "");
  pages = { docs: new Map(list.map(doc => [doc.location, doc])), index: null };
  if (!list.length) return;
  const pipeline = engine.pipeline;
  pages.index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref("location");
    this.field("title", { boost: 10 });
    this.field("text");
    for (const doc of list) {
      const text = String(doc.text || "").replace(/<[^>]*>/g, " ");
      this.add({
        location: doc.location,
        title: pipeline.words(String(doc.title || "").replace(/<[^>]*>/g, " ")),
        text: pipeline.words(text)
      });
    }
  });
}

function searchPages(words) {
  if (!pages || !pages.index || !words.length) return [];
  const hits = pages.index.query(q => {
    for (const w of words)
      q.term(w, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.REQUIRED });
  });
  return hits.slice(0, 5).map(hit => {
    const doc = pages.docs.get(hit.ref);
    return [{ location: doc.location, title: doc.title, text: "", score: hit.score, terms: {} }];
  });
}

const BOX_LIMIT = 10;
const dates = (() => {
  try {
    return new Intl.DateTimeFormat(WA_LOCALE, { dateStyle: "long", timeZone: "UTC" });
  } catch (err) {
    return null;
  }
})();

/* `2025-10-07` in the site's language. */
function shownDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return dates && y ? dates.format(new Date(Date.UTC(y, m - 1, d))) : iso;
}

/* One result of the search box, in Material's shape: its title and text are HTML, so every
 * text of the index is escaped here, and the matched words marked. */
function boxItem(result, words) {
  const meta = [shownDate(result.date), result.sources.join(", ")].filter(Boolean).join(" · ");
  const terms = {};
  words.forEach((word, i) => { terms[word] = result.matched[i]; });
  const snippet = WirearchiveSearch.segmentsHTML(result.snippet);
  return [{
    location: result.url,
    title: WirearchiveSearch.segmentsHTML(result.titleSegments),
    text: `<span class="wa-search-meta">${WirearchiveSearch.escapeHTML(meta)}</span> ${snippet}`,
    score: 0,
    terms
  }];
}

function glossaryItem(entry, words) {
  const terms = {};
  words.forEach(word => { terms[word] = true; });
  return [{
    location: entry.url,
    title: WirearchiveSearch.segmentsHTML(entry.nameSegments),
    text: WirearchiveSearch.escapeHTML(entry.description || ""),
    score: 0,
    terms
  }];
}

async function answerBox(query) {
  const mine = ++generation;
  const words = engine.pipeline.words(query);
  try {
    await engine.search(query, { limit: BOX_LIMIT, isCurrent: () => mine === generation }, snapshot => {
      if (mine !== generation) return;
      const items = [
        ...snapshot.glossary.map(entry => glossaryItem(entry, snapshot.words)),
        ...snapshot.results.map(result => boxItem(result, snapshot.words))
      ];
      const ours = new Set(items.map(item => item[0].location));
      const pages = searchPages(words).filter(item => !ours.has(item[0].location));
      postMessage({ type: RESULT, data: { items: items.concat(pages) } });
    });
  } catch (err) {
    console.warn("Wirearchive search failed:", err);
    if (mine === generation) postMessage({ type: RESULT, data: { items: searchPages(words) } });
  }
}

async function answerPage(message) {
  const { id, query, filters, sort, limit } = message;
  const mine = ++generation;
  try {
    await engine.search(query, { limit, filters, sort, isCurrent: () => mine === generation },
      snapshot => { if (mine === generation) postMessage({ type: "wa:result", id, data: snapshot }); });
  } catch (err) {
    postMessage({ type: "wa:error", id, data: String(err && err.message || err) });
  }
}

addEventListener("message", async event => {
  const message = event.data;
  switch (message.type) {
    case SETUP:
      await engine.ready();
      setupPages(message.data && message.data.docs);
      postMessage({ type: READY });
      break;
    case QUERY:
      await engine.ready();
      answerBox(message.data);
      break;
    case "wa:search":
      await engine.ready();
      answerPage(message);
      break;
    case "wa:warm":
      postMessage({ type: "wa:warmed", data: await engine.warm().catch(() => false) });
      break;
    case "wa:filters": {
      const manifest = await engine.ready();
      postMessage({ type: "wa:filters", data: await engine.json(manifest.filters) });
      break;
    }
  }
});
})();
