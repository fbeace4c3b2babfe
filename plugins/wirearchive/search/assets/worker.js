/* Wirearchive search worker: Material for MkDocs' search box talks to it by the messages
 * of Material's own worker (SETUP 0, READY 1, QUERY 2, RESULT 3), and the /search/ page by
 * `wa:search` messages. It answers from the prebuilt split index, never building one from
 * `search_index.json`: that file only brings the hand-written pages, searched beside the
 * dispatches. `WA_ROOT` (the site root, relative to this file) is written in at build time.
 */
"use strict";

const WA_ASSETS = new URL(WA_ASSETS_PATH, self.location);
importScripts(...WA_SCRIPTS.map(name => `${new URL(name, WA_ASSETS)}`));

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const engine = new WirearchiveSearch(`${new URL(WA_ROOT, self.location)}`);
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

/* One result of the search box, in Material's shape. */
function boxItem(result, words) {
  const meta = [result.date, result.sources.join(", ")].filter(Boolean).join(" · ");
  const terms = {};
  words.forEach((word, i) => { terms[word] = result.matched[i]; });
  return [{
    location: result.url,
    title: result.titleHTML,
    text: `<span class="wa-search-meta">${WirearchiveSearch.escapeHTML(meta)}</span> ${result.ledeHTML}`,
    score: result.score,
    terms
  }];
}

async function answerBox(query) {
  const mine = ++generation;
  const words = engine.pipeline.words(query);
  try {
    await engine.search(query, { limit: 20, want: 20, isCurrent: () => mine === generation }, snapshot => {
      if (mine !== generation) return;
      const items = snapshot.results.map(result => boxItem(result, snapshot.words));
      postMessage({ type: RESULT, data: { items: items.concat(searchPages(words)) } });
    });
  } catch (err) {
    console.warn("Wirearchive search failed:", err);
    if (mine === generation) postMessage({ type: RESULT, data: { items: searchPages(words) } });
  }
}

async function answerPage(message) {
  const { id, query, filters, sort, limit, all } = message;
  const mine = ++generation;
  try {
    await engine.search(query, { limit, want: limit, filters, sort, all, isCurrent: () => mine === generation },
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
      await engine.warm();
      postMessage({ type: "wa:warmed" });
      break;
    case "wa:filters": {
      const manifest = await engine.ready();
      postMessage({ type: "wa:filters", data: await engine.json(manifest.filters) });
      break;
    }
  }
});
