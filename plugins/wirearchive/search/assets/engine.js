/* Wirearchive search: answers a query from the prebuilt, split index (`search/index.py`).
 *
 * First the head indexes (headline and entity terms, one small index per first letter)
 * give results; then the term directory names the month parts that hold the query's
 * words, and those are fetched newest first, each a lunr index loaded with
 * `lunr.Index.load`, until enough results are found. Every file is fetched once and kept.
 * Results come as a series of snapshots, each better than the last. Exposes
 * `WirearchiveSearch`.
 */
(function (global) {
  "use strict";

  const RAW_WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u2018\u02bc`\u00b4\u2032\uff07][\p{L}\p{N}\p{M}]+)*/gu;
  const PREFIX_MIN = 3;

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, c => ({
      "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"
    })[c]);
  }

  function shard(term) {
    const first = term.charAt(0);
    return /^[a-z0-9]$/.test(first) ? first : "_";
  }

  function refOrder(ref) {
    const [month, n] = ref.split(".");
    return Number(month) * 100000 + Number(n);
  }

  function bucket(score) {
    return score > 0 ? Math.round(Math.log(score) * 8) : -1000;
  }

  function Search(root) {
    this.root = root;
    this.files = new Map();
    this.indexes = new Map();
    this.bytes = 0;
    this.unreachable = 0;
  }

  /* Fetch a file of the index once; a failed fetch may be tried again later. */
  Search.prototype.json = function (path) {
    let promise = this.files.get(path);
    if (!promise) {
      promise = fetch(new URL(path, this.root)).then(response => {
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return response.text();
      }).then(text => {
        this.bytes += text.length;
        return JSON.parse(text);
      });
      promise.catch(() => this.files.delete(path));
      this.files.set(path, promise);
    }
    return promise;
  };

  Search.prototype.ready = function () {
    if (!this.manifest) {
      this.manifest = this.json("search/manifest.json").then(manifest => {
        this.pipeline = new WirearchivePipeline(manifest.pipeline);
        this.parts = manifest.parts;
        return manifest;
      });
      this.manifest.catch(() => { this.manifest = null; });
    }
    return this.manifest;
  };

  Search.prototype.index = function (path) {
    let promise = this.indexes.get(path);
    if (!promise) {
      promise = this.json(path).then(data => lunr.Index.load(data));
      promise.catch(() => this.indexes.delete(path));
      this.indexes.set(path, promise);
    }
    return promise;
  };

  /* The query's words: folded, each with its stem per language; the last may be a prefix. */
  Search.prototype.parse = function (query) {
    const seen = new Set();
    const words = [];
    const typing = !/\s$/.test(query);
    const all = this.pipeline.words(query);
    all.forEach((word, i) => {
      if (seen.has(word)) return;
      seen.add(word);
      const variants = this.pipeline.variants(word);
      const terms = [...new Set(Object.values(variants))];
      if (!terms.length) return;
      const prefix = typing && i === all.length - 1 && word.length >= PREFIX_MIN;
      words.push({ word, variants, terms, prefix });
    });
    return words;
  };

  function clauses(words, keep) {
    const list = [];
    words.forEach((w, i) => {
      for (const term of w.terms)
        if (!keep || keep(term)) list.push({ term, word: i, wildcard: false, boost: 1 });
      if (w.prefix && (!keep || keep(w.word)))
        list.push({ term: w.word, word: i, wildcard: true, boost: 0.3 });
    });
    return list;
  }

  function matchedWords(words, term) {
    const found = [];
    words.forEach((w, i) => {
      if (w.terms.includes(term) || (w.prefix && term.startsWith(w.word))) found.push(i);
    });
    return found;
  }

  /* Run clauses on one lunr index: [{ref, score, words: Set, title: bool}]. */
  function run(index, list, words) {
    if (!list.length) return [];
    const hits = index.query(q => {
      for (const c of list)
        q.term(c.term, {
          usePipeline: false,
          boost: c.boost,
          wildcard: c.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        });
    });
    return hits.map(hit => {
      const matched = new Set();
      let title = false;
      for (const [term, fields] of Object.entries(hit.matchData.metadata)) {
        for (const i of matchedWords(words, term)) matched.add(i);
        if ("headline" in fields || "entities" in fields) title = true;
      }
      return { ref: hit.ref, score: hit.score, words: matched, title };
    });
  }

  function merge(state, hits, full) {
    for (const hit of hits) {
      let entry = state.get(hit.ref);
      if (!entry) state.set(hit.ref, entry = { ref: hit.ref, head: 0, full: null, words: new Set(), title: false });
      for (const i of hit.words) entry.words.add(i);
      entry.title = entry.title || hit.title;
      if (full) entry.full = (entry.full || 0) + hit.score;
      else entry.head += hit.score;
    }
  }

  function ranked(state, sort) {
    const entries = [...state.values()];
    for (const e of entries) e.score = e.full !== null ? e.full : e.head;
    return entries.sort((a, b) =>
      (b.words.size - a.words.size) ||
      (sort === "date" ? 0 : (b.title - a.title) || (bucket(b.score) - bucket(a.score))) ||
      (refOrder(b.ref) - refOrder(a.ref)));
  }

  Search.prototype.head = async function (words) {
    const heads = (await this.ready()).head;
    const byShard = new Map();
    for (const c of clauses(words)) {
      const s = shard(c.term);
      if (!heads[s]) continue;
      if (!byShard.has(s)) byShard.set(s, []);
      byShard.get(s).push(c);
    }
    const results = await Promise.allSettled([...byShard].map(async ([s, list]) =>
      run(await this.index(heads[s]), list, words)));
    this.unreachable += results.filter(r => r.status === "rejected").length;
    return results.filter(r => r.status === "fulfilled").flatMap(r => r.value);
  };

  /* Fetch the head indexes and the term directory ahead of need: once they are in, every
   * query gets its headline and entity results even offline. */
  Search.prototype.warm = async function () {
    const manifest = await this.ready();
    for (const path of [...Object.values(manifest.head), ...Object.values(manifest.terms), manifest.filters])
      await (path.includes("/head-") ? this.index(path) : this.json(path)).catch(() => null);
  };

  /* Month parts holding the words: those holding every word first, newest first. */
  Search.prototype.candidates = async function (words) {
    const manifest = await this.ready();
    const needed = new Set();
    for (const w of words) {
      for (const t of w.terms) needed.add(shard(t));
      if (w.prefix) needed.add(shard(w.word));
    }
    const dirs = {};
    await Promise.all([...needed].filter(s => manifest.terms[s]).map(async s => {
      dirs[s] = await this.json(manifest.terms[s]).catch(() => { this.unreachable += 1; return {}; });
    }));
    const perWord = words.map(w => {
      const parts = new Set();
      for (const t of w.terms) for (const p of (dirs[shard(t)] || {})[t] || []) parts.add(p);
      if (w.prefix) {
        const dir = dirs[shard(w.word)] || {};
        for (const t of Object.keys(dir)) if (t.startsWith(w.word)) for (const p of dir[t]) parts.add(p);
      }
      return parts;
    });
    const union = new Set(perWord.flatMap(s => [...s]));
    const every = [...union].filter(p => perWord.every(s => s.has(p)));
    const rest = [...union].filter(p => !every.includes(p));
    const newest = (a, b) => b - a;
    return every.sort(newest).concat(rest.sort(newest));
  };

  Search.prototype.doc = async function (ref) {
    const part = this.parts.find(p => p.id === ref.split(".")[0]);
    const docs = await this.json(part.docs).catch(() => null);
    if (!docs) {
      this.unreachable += 1;
      return null;
    }
    const [title, url, date, sources, language, rubric, lede, entities] = docs[ref];
    return { ref, title, url, date, sources, language, rubric, lede, entities };
  };

  function passes(doc, filters) {
    if (!filters) return true;
    if (filters.entity && !doc.entities.includes(filters.entity)) return false;
    if (filters.source && !doc.sources.includes(filters.source)) return false;
    if (filters.language && doc.language !== filters.language) return false;
    if (filters.from && doc.date < filters.from) return false;
    if (filters.to && doc.date > filters.to) return false;
    return true;
  }

  function monthInRange(ref, filters) {
    if (!filters) return true;
    const month = ref.split(".")[0];
    const ym = `${month.slice(0, 4)}-${month.slice(4, 6)}`;
    if (filters.from && ym < filters.from.slice(0, 7)) return false;
    if (filters.to && ym > filters.to.slice(0, 7)) return false;
    return true;
  }

  /* Mark the words of `text` that the query matches; everything else escaped. */
  Search.prototype.highlight = function (text, language, words) {
    const wanted = new Set(words.flatMap(w => w.terms));
    const prefixes = words.filter(w => w.prefix).map(w => w.word);
    let html = "";
    let last = 0;
    for (const m of String(text || "").matchAll(RAW_WORD)) {
      const hit = this.pipeline.terms(m[0], language).some(t => wanted.has(t)) ||
        this.pipeline.words(m[0]).some(w => prefixes.some(p => w.startsWith(p)));
      if (!hit) continue;
      html += escapeHTML(text.slice(last, m.index)) + "<mark>" + escapeHTML(m[0]) + "</mark>";
      last = m.index + m[0].length;
    }
    return html + escapeHTML(String(text || "").slice(last));
  };

  /* The first `limit` results passing the filters, with what they show. */
  Search.prototype.page = async function (state, words, options) {
    const shown = [];
    const order = ranked(state, options.sort).filter(entry => monthInRange(entry.ref, options.filters));
    // Fetch the display files of the likely first results together, not one after another.
    const months = [...new Set(order.slice(0, options.limit * 2).map(entry => entry.ref.split(".")[0]))];
    await Promise.all(months.map(month => this.parts.find(p => p.id === month))
      .filter(Boolean).map(part => this.json(part.docs).catch(() => null)));
    for (const entry of order) {
      if (shown.length >= options.limit) break;
      const doc = await this.doc(entry.ref);
      if (!doc || !passes(doc, options.filters)) continue;
      shown.push({
        ...doc,
        score: entry.score,
        matched: words.map((w, i) => entry.words.has(i)),
        titleHTML: this.highlight(doc.title, doc.language, words),
        ledeHTML: this.highlight(doc.lede, doc.language, words)
      });
    }
    return shown;
  };

  /* Search; calls `report(snapshot)` after the head indexes and after each batch of parts.
   * options: {limit, want, filters, sort, all, isCurrent()}. Resolves with the last snapshot. */
  Search.prototype.search = async function (query, options, report) {
    await this.ready();
    const words = this.parse(query);
    this.unreachable = 0;
    const snapshot = (results, searched, remaining, done) => ({
      query, words: words.map(w => w.word), results, searched, remaining, done, bytes: this.bytes,
      unreachable: this.unreachable
    });
    if (!words.length) {
      const empty = snapshot([], 0, 0, true);
      report(empty);
      return empty;
    }
    const current = options.isCurrent || (() => true);
    const state = new Map();
    // The term directory is fetched while the head indexes answer: first results wait for neither.
    const parts = this.candidates(words);
    merge(state, await this.head(words), false);
    if (!current()) return null;
    report(snapshot(await this.page(state, words, options), 0, null, false));
    let wanted = (await parts).filter(p => monthInRange(`${this.parts[p].id}.0`, options.filters));
    let searched = 0;
    const batch = 3;
    while (wanted.length) {
      const complete = [...state.values()].filter(e => e.full !== null && e.words.size === words.length).length;
      if (!options.all && complete >= options.want) break;
      const next = wanted.slice(0, batch);
      wanted = wanted.slice(batch);
      const hits = await Promise.allSettled(next.map(async p =>
        run(await this.index(this.parts[p].index), clauses(words), words)));
      if (!current()) return null;
      this.unreachable += hits.filter(r => r.status === "rejected").length;
      merge(state, hits.filter(r => r.status === "fulfilled").flatMap(r => r.value), true);
      searched += next.length;
      report(snapshot(await this.page(state, words, options), searched, wanted.length, false));
    }
    const last = snapshot(await this.page(state, words, options), searched, wanted.length, true);
    report(last);
    return last;
  };

  Search.escapeHTML = escapeHTML;
  global.WirearchiveSearch = Search;
})(self);
