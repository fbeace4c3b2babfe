/* Wirearchive search: answers a query from the prebuilt index (`search/indexing.py`).
 *
 * The manifest names the shards of the term directory by their first key: a query fetches
 * the shard of each of its words (their terms in every language), ranks the dispatches
 * holding them, fetches the rows of the results it shows (with the start of each lede),
 * and then the texts of the results not matched in their headline, for snippets around the
 * words they matched. Every file is fetched once and kept. Results come as snapshots:
 * first the ranked results, then the same with their snippets in context (`done`).
 *
 * Ranking: dispatches holding every word a query must give (stop words of some language
 * may be missing), or, when none does, the most of them; then headline matches, then
 * names of the dispatch's entities, lede, body (the best field of each word, added up; a
 * word only begun, as the last one being typed, counts a quarter); then the newest. Glossary entries come first when the query names one: every word of
 * one of the entry's names is in the query.
 *
 * Text from the index is never HTML: titles and snippets come as segments
 * `[[text, marked]]`, for the page to build with DOM calls and for the search box to escape.
 * Exposes `WirearchiveSearch`.
 */
(function (global) {
  "use strict";

  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const DIGIT = new Map([...ALPHABET].map((c, i) => [c, i]));
  const RAW_WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u2018\u02bc`\u00b4\u2032\uff07][\p{L}\p{N}\p{M}]+)*/gu;
  const PREFIX_MIN = 3;  // a word being typed is also looked for as a prefix from 3 letters
  const PREFIX_SHARDS = 2;  // shards a prefix may look through
  const GLOSSARY_SHOWN = 3;
  const SNIPPET_BEFORE = 70;  // characters of context before the first matched word
  const SNIPPET_LENGTH = 240;
  const WARM_BYTES = 512 * 1024;  // a directory this small is fetched whole, for offline use

  /* The numbers `indexing.encode` wrote. */
  function decode(text) {
    const numbers = [];
    let value = 0;
    let last = -1;
    for (const char of text) {
      const digit = DIGIT.get(char);
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        last += value + 1;
        numbers.push(last);
        value = 0;
      }
    }
    return numbers;
  }

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, c => ({
      "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"
    })[c]);
  }

  /* Segments `[[text, marked]]` as HTML, every text escaped: for Material's search box. */
  function segmentsHTML(segments) {
    return (segments || []).map(([text, marked]) =>
      marked ? `<mark>${escapeHTML(text)}</mark>` : escapeHTML(text)).join("");
  }

  function Search(root) {
    this.root = root;
    this.files = new Map();
    this.keys = new Map();
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
        if (manifest.version !== "2") throw new Error(`search index version ${manifest.version}`);
        this.pipeline = new WirearchivePipeline(manifest.pipeline);
        this.firstKeys = manifest.shards.map(shard => shard[0]);
        this.monthStarts = manifest.months;
        this.count = manifest.count;
        return manifest;
      });
      this.manifest.catch(() => { this.manifest = null; });
    }
    return this.manifest;
  };

  /* The shard holding `key`: the last whose first key is not after it. */
  Search.prototype.shardOf = function (key) {
    let low = 0, high = this.firstKeys.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firstKeys[middle] <= key) low = middle; else high = middle - 1;
    }
    return low;
  };

  Search.prototype.shard = async function (number) {
    const manifest = await this.ready();
    try {
      return await this.json(manifest.shards[number][1]);
    } catch (err) {
      this.unreachable += 1;
      return {};
    }
  };

  /* The postings of `key`: [headline, entities, lede, body, glossary names], or null. */
  Search.prototype.postings = async function (key) {
    if (this.keys.has(key)) return this.keys.get(key);
    const shard = await this.shard(this.shardOf(key));
    const text = shard[key];
    const segments = text === undefined ? null : text.split(",").map(decode);
    if (segments) while (segments.length < 5) segments.push([]);
    if (text !== undefined) this.keys.set(key, segments);
    return segments;
  };

  /* Keys starting with `prefix`, from the shards that may hold them. */
  Search.prototype.keysWithPrefix = async function (prefix) {
    const first = this.shardOf(prefix);
    const last = Math.min(this.shardOf(prefix + "\uffff"), first + PREFIX_SHARDS - 1);
    const found = [];
    for (let n = first; n <= last; n++) {
      const shard = await this.shard(n);
      for (const key of Object.keys(shard)) if (key.startsWith(prefix)) found.push(key);
    }
    return found;
  };

  /* The query's words: folded, with their terms in every language; the last word being
   * typed is also a prefix. A word that is a stop word somewhere need not be found. */
  Search.prototype.parse = function (query) {
    const typing = !/\s$/.test(query);
    const all = this.pipeline.words(query);
    const words = [];
    const seen = new Set();
    all.forEach((word, i) => {
      if (seen.has(word)) return;
      seen.add(word);
      const terms = this.pipeline.queryTerms(word);
      if (!terms.length) return;
      const prefix = typing && i === all.length - 1 && word.length >= PREFIX_MIN;
      words.push({ word, terms, prefix, required: !this.pipeline.isStopWordAnywhere(word) });
    });
    if (!words.some(w => w.required)) for (const w of words) w.required = true;
    return words;
  };

  /* For each word: its dispatches with their best tier, the glossary names holding it,
   * and the keys it matched (for highlighting). */
  Search.prototype.lookup = async function (words) {
    // Every shard the words need, fetched together.
    const needed = new Set();
    for (const w of words) {
      for (const term of w.terms) needed.add(this.shardOf(term));
      if (w.prefix) {
        const first = this.shardOf(w.word);
        const last = Math.min(this.shardOf(w.word + "\uffff"), first + PREFIX_SHARDS - 1);
        for (let n = first; n <= last; n++) needed.add(n);
      }
    }
    await Promise.all([...needed].map(n => this.shard(n)));
    return Promise.all(words.map(async w => {
      const exact = new Set(w.terms);
      const keys = new Set(w.terms);
      if (w.prefix) for (const key of await this.keysWithPrefix(w.word)) keys.add(key);
      // n -> its best weight for the word: 4 (headline) to 1 (body) for one of the word's
      // terms; a quarter of that for a word it only begins (the word being typed).
      const weights = new Map();
      const tiers = new Map();
      const names = new Set();
      const matched = new Set();
      for (const key of keys) {
        const segments = await this.postings(key);
        if (!segments) continue;
        matched.add(key);
        const scale = exact.has(key) ? 1 : 0.25;
        for (let tier = 0; tier < 4; tier++)
          for (const n of segments[tier]) {
            const weight = (4 - tier) * scale;
            if (!(weights.get(n) >= weight)) weights.set(n, weight);
            if (!(tiers.get(n) <= tier)) tiers.set(n, tier);
          }
        for (const value of segments[4]) names.add(value);
      }
      return { tiers, weights, names, matched };
    }));
  };

  /* Dispatch numbers passing the filters, as a Set, or null when none is set. */
  Search.prototype.filtered = async function (filters) {
    const keys = [];
    if (filters.entity) keys.push(`@e:${filters.entity}`);
    if (filters.source) keys.push(`@s:${filters.source}`);
    if (filters.language) keys.push(`@l:${filters.language}`);
    let allowed = null;
    for (const key of keys) {
      const segments = await this.postings(key);
      const numbers = new Set(segments ? segments[0] : []);
      allowed = allowed === null ? numbers : new Set([...allowed].filter(n => numbers.has(n)));
    }
    return allowed;
  };

  /* Dispatch numbers of the months the date range touches: [low, high). */
  Search.prototype.range = function (filters) {
    let low = 0, high = this.count;
    const months = this.monthStarts;
    months.forEach(([month, start], i) => {
      const ym = `${month.slice(0, 4)}-${month.slice(4, 6)}`;
      const end = i + 1 < months.length ? months[i + 1][1] : this.count;
      if (filters.from && ym < filters.from.slice(0, 7)) low = Math.max(low, end);
      if (filters.to && ym > filters.to.slice(0, 7)) high = Math.min(high, start);
    });
    return [low, high];
  };

  function ranked(found, words, sort) {
    const entries = new Map();
    found.forEach((f, i) => {
      for (const [n, tier] of f.tiers) {
        let entry = entries.get(n);
        if (!entry) entries.set(n, entry = { n, cover: 0, score: 0, best: 4, words: [] });
        if (words[i].required) entry.cover += 1;
        entry.score += f.weights.get(n);
        entry.best = Math.min(entry.best, tier);
        entry.words.push(i);
      }
    });
    let most = 0;
    for (const e of entries.values()) most = Math.max(most, e.cover);
    const list = [...entries.values()].filter(e => e.cover === most && most > 0);
    return list.sort(sort === "date"
      ? (a, b) => b.n - a.n
      : (a, b) => (b.score - a.score) || (b.n - a.n));
  }

  Search.prototype.row = async function (n) {
    const manifest = await this.ready();
    const chunk = Math.floor(n / manifest.docs.size);
    let rows;
    try {
      rows = await this.json(manifest.docs.parts[chunk]);
    } catch (err) {
      this.unreachable += 1;
      return null;
    }
    const [url, title, date, sources, language, text, preview] = rows[String(n)];
    return { n, url, title, date, sources, language, text, preview };
  };

  function passesDates(row, filters) {
    return !(filters.from && row.date < filters.from) && !(filters.to && row.date > filters.to);
  }

  /* Does a word of text, written in `language` (null: a name, in any), match the query? */
  Search.prototype.matches = function (token, language, wanted, prefixes) {
    const terms = language === null
      ? this.pipeline.words(token).flatMap(w => this.pipeline.queryTerms(w))
      : this.pipeline.terms(token, language);
    return terms.some(t => wanted.has(t)) ||
      (prefixes.length > 0 && this.pipeline.words(token).some(w => prefixes.some(p => w.startsWith(p))));
  };

  /* `text` as segments, the words matching the query marked. */
  Search.prototype.mark = function (text, language, wanted, prefixes) {
    const segments = [];
    let last = 0;
    for (const m of String(text).matchAll(RAW_WORD)) {
      if (!this.matches(m[0], language, wanted, prefixes)) continue;
      if (m.index > last) segments.push([text.slice(last, m.index), false]);
      segments.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) segments.push([text.slice(last), false]);
    return segments;
  };

  /* A window of the text around the words the query matched, as marked segments: where
   * most of the query's words meet, else the first match; the lede's start when the text
   * does not have them (a headline match, an entity found by an alias the text does not use). */
  Search.prototype.snippet = function (texts, language, wanted, prefixes) {
    const [lede, body] = texts;
    const text = [lede, body].filter(Boolean).join("\n");
    const hits = [];
    for (const m of text.matchAll(RAW_WORD))
      if (this.matches(m[0], language, wanted, prefixes))
        hits.push({ at: m.index, key: this.pipeline.words(m[0]).join(" ") });
    let start = 0;
    if (hits.length && hits[0].at > SNIPPET_LENGTH - SNIPPET_BEFORE) {
      let best = -1;
      for (const hit of hits) {
        const inside = new Set(hits.filter(h => h.at >= hit.at && h.at < hit.at + SNIPPET_LENGTH - SNIPPET_BEFORE)
          .map(h => h.key)).size;
        if (inside > best) { best = inside; start = Math.max(0, hit.at - SNIPPET_BEFORE); }
      }
    }
    let end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (start > 0) {
      const space = text.slice(start, start + 30).search(/\s/);
      if (space >= 0) start += space + 1;
    }
    if (end < text.length) {
      const space = text.slice(0, end).search(/\s\S*$/);
      if (space > start) end = space;
    }
    const segments = this.mark(text.slice(start, end).replace(/\s+/g, " "), language, wanted, prefixes);
    if (start > 0) segments.unshift(["… ", false]);
    if (end < text.length) segments.push([" …", false]);
    return segments;
  };

  /* Glossary entries the query names: all words of one of their names are in the query. */
  Search.prototype.glossary = async function (found, words) {
    const manifest = await this.ready();
    const { size, names: perEntry, words: lengths } = manifest.glossary;
    const counts = new Map();
    for (const f of found) for (const value of f.names) counts.set(value, (counts.get(value) || 0) + 1);
    const best = new Map();
    for (const [value, count] of counts) {
      const length = value % lengths;
      if (count < length || length === 0) continue;
      const entry = Math.floor(value / lengths / perEntry);
      const name = Math.floor(value / lengths) % perEntry;
      const known = best.get(entry);
      if (!known || length > known.length || (length === known.length && name < known.name))
        best.set(entry, { entry, length, name });
    }
    const chosen = [...best.values()].sort((a, b) =>
      (b.length - a.length) || ((a.name > 0) - (b.name > 0)) || (a.entry - b.entry)).slice(0, GLOSSARY_SHOWN * 2);
    const records = await Promise.all(chosen.map(async c => {
      const part = await this.json(manifest.glossary.parts[Math.floor(c.entry / size)]).catch(() => null);
      if (!part) { this.unreachable += 1; return null; }
      const [id, name, type, description, url, dispatches, names] = part[c.entry % size];
      return { kind: "entity", id, name, type, description, url, dispatches, names, length: c.length, primary: c.name === 0 };
    }));
    return records.filter(Boolean).sort((a, b) =>
      (b.length - a.length) || (b.primary - a.primary) || (b.dispatches - a.dispatches)).slice(0, GLOSSARY_SHOWN);
  };

  /* Search; calls `report(snapshot)` with the ranked results, then with their snippets.
   * options: {limit, filters, sort, isCurrent()}. Resolves with the last snapshot. */
  Search.prototype.search = async function (query, options, report) {
    await this.ready();
    const words = this.parse(query);
    this.unreachable = 0;
    const filters = options.filters || {};
    const current = options.isCurrent || (() => true);
    const snapshot = (results, glossary, total, done) => ({
      query, words: words.map(w => w.word), results, glossary, total, done,
      bytes: this.bytes, unreachable: this.unreachable
    });
    if (!words.length) {
      const empty = snapshot([], [], 0, true);
      report(empty);
      return empty;
    }
    const [found, allowed] = await Promise.all([this.lookup(words), this.filtered(filters)]);
    if (!current()) return null;
    const [low, high] = this.range(filters);
    const order = ranked(found, words, options.sort)
      .filter(e => e.n >= low && e.n < high && (!allowed || allowed.has(e.n)));
    const filtering = Object.values(filters).some(Boolean);
    const glossaryPromise = filtering ? Promise.resolve([]) : this.glossary(found, words);
    const wanted = new Set(found.flatMap(f => [...f.matched]));
    const prefixes = words.filter(w => w.prefix).map(w => w.word);

    // Rows of the first results, fetched together; the date range is checked on them.
    const shown = [];
    let next = 0;
    let dropped = 0;
    while (shown.length < options.limit && next < order.length) {
      const batch = order.slice(next, next + options.limit - shown.length);
      next += batch.length;
      const rows = await Promise.all(batch.map(e => this.row(e.n)));
      batch.forEach((entry, i) => {
        const row = rows[i];
        if (!row) return;
        if (!passesDates(row, filters)) { dropped += 1; return; }
        // A headline match shows the start of the lede; other matches, the words in context.
        const headline = entry.best === 0;
        shown.push({
          kind: "dispatch", ...row, tier: TIER_NAMES[entry.best],
          matched: words.map((w, j) => entry.words.includes(j)),
          titleSegments: this.mark(row.title, row.language, wanted, prefixes),
          snippet: this.mark(row.preview || "", row.language, wanted, prefixes),
          context: !headline
        });
      });
    }
    const glossary = await glossaryPromise;
    if (!current()) return null;
    glossary.forEach(g => { g.nameSegments = this.mark(g.name, null, wanted, prefixes); });
    // Dispatches dropped on the range's edge months are out of the count too, when all are seen.
    const total = order.length - dropped;
    report(snapshot(shown, glossary, total, false));

    // Snippets in context: the text of each result not matched in its headline, fetched now.
    await Promise.all(shown.filter(result => result.context).map(async result => {
      const texts = await this.json(`search/text/${result.text}.json`).catch(() => null);
      if (!texts) return;
      result.snippet = this.snippet(texts, result.language, wanted, prefixes);
    }));
    if (!current()) return null;
    const last = snapshot(shown, glossary, total, true);
    report(last);
    return last;
  };

  /* Fetch the whole term directory, rows and glossary ahead of need when they are small:
   * then every query gets its results (without snippets) even offline. */
  Search.prototype.warm = async function () {
    const manifest = await this.ready();
    if ((manifest.warm || Infinity) > WARM_BYTES) return false;
    const paths = [...manifest.shards.map(s => s[1]), ...manifest.docs.parts, ...manifest.glossary.parts];
    for (const path of paths) await this.json(path).catch(() => null);
    return true;
  };

  const TIER_NAMES = ["headline", "entities", "lede", "body"];
  Search.escapeHTML = escapeHTML;
  Search.segmentsHTML = segmentsHTML;
  Search.decode = decode;
  global.WirearchiveSearch = Search;
})(self);
