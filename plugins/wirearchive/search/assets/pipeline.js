/* Wirearchive search: how typed text becomes index terms, as `search/analysis.py` does it.
 *
 * The word lists (stop words, elisions) come from the index's manifest, written by the
 * Python side from one source; stemming uses lunr-languages (fr, de, it) and lunr.js's
 * own English stemmer, which the Python side reproduces exactly. Needs `lunr` and the
 * lunr-languages stemmers loaded first. Exposes `WirearchivePipeline`.
 */
(function (global) {
  "use strict";

  const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
  // Umlauts spelled out (`boerse`, `zuerich`), as `analysis.UMLAUT`: not `que`.
  const UMLAUT = /ae|oe|(?<!q)ue/g;

  function Pipeline(data) {
    this.languages = data.languages;
    this.elisions = new Set(data.elisions);
    this.special = data.special;
    this.transliterated = new Set(data.transliterated || []);
    this.stopWords = {};
    for (const lang of Object.keys(data.stopWords))
      this.stopWords[lang] = new Set(data.stopWords[lang]);
    this.apostrophe = new RegExp("[" + data.apostrophes.replace(/[\]\\^-]/g, "\\$&") + "]", "g");
    this.specialRe = new RegExp(Object.keys(data.special).join("|"), "g");
    this.stemmers = {};
    this.cache = new Map();
    for (const lang of this.languages) {
      if (lang === "en") this.stemmers.en = lunr.stemmer;
      else if (global.lunr[lang] && lunr[lang].stemmer) this.stemmers[lang] = lunr[lang].stemmer;
    }
  }

  /* Lowercase, accents removed, special letters spelled out: as `analysis.fold`. */
  Pipeline.prototype.fold = function (text) {
    return text.toLowerCase()
      .replace(this.apostrophe, "'")
      .replace(this.specialRe, m => this.special[m])
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase();  // again: NFKD's compatibility forms may be capitals (𝕊, Ｓ, Ⅳ)
  };

  /* Folded words, elisions and possessive `'s` split off: as `analysis.words`. */
  Pipeline.prototype.words = function (text) {
    const found = [];
    for (const token of this.fold(text).match(WORD) || []) {
      const parts = token.split("'");
      while (parts.length > 1 && this.elisions.has(parts[0])) parts.shift();
      if (parts.length > 1 && parts[parts.length - 1] === "s") parts.pop();
      found.push(...parts);
    }
    return found;
  };

  /* A folded word with its spelled-out umlauts as plain vowels: as `analysis.transliterate`. */
  Pipeline.prototype.transliterate = function (word) {
    return word.replace(UMLAUT, m => m.charAt(0));
  };

  Pipeline.prototype.spelled = function (word, lang) {
    return this.transliterated.has(lang) ? this.transliterate(word) : word;
  };

  Pipeline.prototype.stem = function (word, lang) {
    const stemmer = this.stemmers[lang];
    if (!stemmer) return word;
    const key = lang + ":" + word;
    let stem = this.cache.get(key);
    if (stem === undefined) {
      stem = stemmer(new lunr.Token(word, {})).toString();
      this.cache.set(key, stem);
    }
    return stem;
  };

  Pipeline.prototype.isStopWord = function (word, lang) {
    const stops = this.stopWords[lang];
    return !!stops && stops.has(word);
  };

  /* The index terms of a text in one language: as `analysis.terms`. */
  Pipeline.prototype.terms = function (text, lang) {
    return this.words(text)
      .map(word => this.spelled(word, lang))
      .filter(word => !this.isStopWord(word, lang))
      .map(word => this.stem(word, lang));
  };

  /* What one folded query word may match, sorted: as `analysis.query_terms`. */
  Pipeline.prototype.queryTerms = function (word) {
    const found = new Set();
    for (const lang of this.languages)
      for (const form of new Set([this.spelled(word, lang), this.transliterate(word)]))
        if (!this.isStopWord(form, lang)) found.add(this.stem(form, lang));
    return [...found].sort();
  };

  /* Is the folded word a stop word in one of the languages: as `analysis.is_stop_word`. */
  Pipeline.prototype.isStopWordAnywhere = function (word) {
    return this.languages.some(lang => this.isStopWord(this.spelled(word, lang), lang));
  };

  global.WirearchivePipeline = Pipeline;
})(self);
