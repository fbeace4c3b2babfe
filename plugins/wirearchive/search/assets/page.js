/* The /search/ page: a query with filters, answered by the site's search worker (the one
 * Material's search box uses), with the whole state in the URL so a search can be shared.
 * `?q=` (what Material's shared search links carry) is read as `?query=`.
 *
 * Everything from the index is set as text: titles and snippets come as segments
 * `[[text, marked]]`, and a marked one becomes a `<mark>` element. The page's words come
 * from the template, in the site's language (`[data-wa-search-strings]`); dates and language
 * names are written by `Intl` in the page's language.
 */
(function () {
  "use strict";

  // Material opens its own search box on a `?q=` address: this page answers it instead.
  (function takeQ() {
    const url = new URL(location.href);
    if (!url.searchParams.has("q")) return;
    if (!url.searchParams.get("query")) url.searchParams.set("query", url.searchParams.get("q"));
    url.searchParams.delete("q");
    history.replaceState(history.state, "", url);
  })();

  // Material's `__config` comes after the page content: start once the document is parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  /* The page's words from the template: `{key: text}`, or `{key: {category: text}}` for
   * the plural ones (and the types of glossary entries). */
  function readStrings(holder) {
    const strings = {};
    for (const element of holder.querySelectorAll("[data-wa-string]")) {
      const key = element.dataset.waString;
      const text = element.textContent.trim();
      if (element.dataset.waPlural) (strings[key] = strings[key] || {})[element.dataset.waPlural] = text;
      else strings[key] = text;
    }
    return strings;
  }

  function start() {
    const root = document.querySelector("[data-wa-search]");
    if (!root || root.dataset.waReady) return;
    root.dataset.waReady = "yes";

    const config = JSON.parse(document.getElementById("__config").textContent);
    const siteRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);
    const strings = readStrings(root.querySelector("[data-wa-search-strings]"));
    const form = root.querySelector("[data-wa-search-form]");
    const filtersBox = root.querySelector("[data-wa-search-filters]");
    const filterCount = root.querySelector("[data-wa-search-filter-count]");
    const status = root.querySelector("[data-wa-search-status]");
    const glossaryList = root.querySelector("[data-wa-search-glossary]");
    const list = root.querySelector("[data-wa-search-results]");
    const more = root.querySelector("[data-wa-search-more]");
    const FIELDS = ["query", "entity", "source", "language", "from", "to", "sort"];
    const FILTERS = ["entity", "source", "language", "from", "to"];
    const PAGE = 10;
    const locale = document.documentElement.lang || undefined;
    const plurals = new Intl.PluralRules(locale);
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    let languageNames = null;
    try {
      languageNames = new Intl.DisplayNames(locale ? [locale] : [], { type: "language" });
    } catch (err) { /* an older browser: language codes as they are */ }

    const worker = new Worker(new URL(config.search, location.href));
    let asked = 0;
    let limit = PAGE;
    let timer = null;
    let warmed = false;
    let lastQuestion = null;

    // The filters take a phone's whole first screen: there they start folded.
    filtersBox.open = window.matchMedia("(min-width: 60em)").matches;

    function say(template, values) {
      return template.replace(/\{(\w+)\}/g, (all, name) => name in values ? String(values[name]) : all);
    }

    function plural(forms, n) {
      return say(forms[plurals.select(n)] || forms.other, { n: n.toLocaleString(locale) });
    }

    function languageName(code) {
      try {
        return (languageNames && code && languageNames.of(code)) || code;
      } catch (err) {
        return code;
      }
    }

    function shownDate(iso) {
      const [y, m, d] = String(iso).split("-").map(Number);
      return y && m && d ? dates.format(new Date(Date.UTC(y, m - 1, d))) : iso;
    }

    function state() {
      const values = {};
      for (const name of FIELDS) values[name] = (form.elements[name].value || "").trim();
      return values;
    }

    function fill(select, options) {
      for (const [value, label] of options) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = label;
        select.appendChild(option);
      }
    }

    function urlValues() {
      const params = new URL(location.href).searchParams;
      const values = {};
      for (const name of FIELDS) values[name] = (params.get(name) || "").trim();
      return values;
    }

    function fromURL(names = FIELDS) {
      const values = urlValues();
      for (const name of names) form.elements[name].value = values[name];
    }

    function toURL(values) {
      const url = new URL(location.href);
      url.search = "";
      for (const name of FIELDS) if (values[name]) url.searchParams.set(name, values[name]);
      history.replaceState(history.state, "", url);
    }

    function showFilterCount(values) {
      const count = FILTERS.filter(name => values[name]).length;
      filterCount.textContent = count ? say(strings.filterCount, { n: count }) : "";
    }

    /* Ask the worker; `values` are the form's, or the address's before the filters' lists
     * are in (a select cannot hold a value it has no option for yet). */
    function ask(values = state()) {
      // The same question asked twice (typing, then Enter, then `change`) is answered once:
      // a second answer would replace the results under the reader's focus.
      const question = JSON.stringify([values, limit]);
      if (question === lastQuestion) return;
      lastQuestion = question;
      toURL(values);
      showFilterCount(values);
      root.dataset.waDone = "no";
      if (!values.query) {
        list.replaceChildren();
        glossaryList.replaceChildren();
        glossaryList.hidden = true;
        status.textContent = strings.empty;
        more.hidden = true;
        root.dataset.waDone = "yes";
        return;
      }
      status.textContent = strings.searching;
      const filters = {};
      for (const name of FILTERS) filters[name] = values[name];
      worker.postMessage({ type: "wa:search", id: ++asked, query: values.query, filters,
                           sort: values.sort, limit });
    }

    /* Segments `[[text, marked]]` as text nodes and `<mark>` elements. */
    function segments(parts) {
      return (parts || []).map(([text, marked]) => {
        if (!marked) return document.createTextNode(text);
        const mark = document.createElement("mark");
        mark.textContent = text;
        return mark;
      });
    }

    function entry(item, href, titleParts, metaParts, snippetParts, className) {
      item.className = className;
      const heading = document.createElement("h2");
      const link = document.createElement("a");
      link.href = new URL(href, siteRoot).href;
      link.append(...segments(titleParts));
      heading.appendChild(link);
      const meta = document.createElement("p");
      meta.className = "wa-search__meta";
      meta.append(...metaParts);
      item.append(heading, meta);
      if (snippetParts && snippetParts.length) {
        const snippet = document.createElement("p");
        snippet.className = "wa-search__snippet";
        snippet.append(...segments(snippetParts));
        item.appendChild(snippet);
      }
      return item;
    }

    function dispatchItem(result) {
      const item = document.createElement("li");
      item.lang = result.language || "";
      item.dataset.waMatch = result.tier;
      const time = document.createElement("time");
      time.dateTime = result.date;
      time.textContent = shownDate(result.date);
      time.lang = locale || "";
      const rest = [result.sources.join(", "), languageName(result.language)].filter(Boolean);
      const meta = [time, ...rest.map(text => document.createTextNode(" · " + text))];
      return entry(item, result.url, result.titleSegments, meta, result.snippet, "wa-search__result");
    }

    function glossaryItem(found) {
      const item = document.createElement("li");
      const type = (strings.types || {})[found.type] || found.type;
      const meta = [type, strings.glossary, plural(strings.dispatches, found.dispatches)];
      const description = found.description ? [[found.description, false]] : [];
      return entry(item, found.url, found.nameSegments, [meta.join(" · ")], description,
                   "wa-search__result wa-search__result--entry");
    }

    function render(snapshot) {
      glossaryList.replaceChildren(...snapshot.glossary.map(glossaryItem));
      glossaryList.hidden = snapshot.glossary.length === 0;
      list.replaceChildren(...snapshot.results.map(dispatchItem));
      const shown = snapshot.results.length;
      const parts = [];
      if (snapshot.total === 0) parts.push(strings.none);
      else parts.push(plural(strings.found, snapshot.total));
      if (shown < snapshot.total) parts.push(plural(strings.showing, shown));
      if (snapshot.unreachable) parts.push(strings.offline);
      status.textContent = parts.join(" ");
      // More results only when there are more: Material's buttons would show a `hidden` one.
      more.hidden = !(snapshot.done && shown < snapshot.total);
      root.dataset.waDone = snapshot.done ? "yes" : "no";
      if (snapshot.done && !warmed) {
        // A small archive's whole index, fetched ahead: searching goes on offline.
        warmed = true;
        worker.postMessage({ type: "wa:warm" });
      }
    }

    worker.addEventListener("message", event => {
      const message = event.data;
      if (message.type === "wa:filters") {
        const f = message.data;
        fill(form.elements.entity, f.entities);
        fill(form.elements.source, f.sources.map(s => [s, s]));
        fill(form.elements.language, f.languages.map(l => [l, languageName(l)]));
        fromURL(["entity", "source", "language"]);  // the selects just filled
        root.dataset.waFilters = "yes";
      } else if (message.type === "wa:warmed") {
        root.dataset.waWarm = message.data ? "yes" : "no";
      } else if (message.type === "wa:result" && message.id === asked) {
        render(message.data);
      } else if (message.type === "wa:error" && message.id === asked) {
        status.textContent = say(strings.failed, { error: message.data });
        root.dataset.waDone = "yes";
        lastQuestion = null;  // asking again may work
      }
    });

    function again() {
      clearTimeout(timer);
      limit = PAGE;
      ask();
    }

    form.addEventListener("submit", event => {
      event.preventDefault();
      again();
    });
    form.addEventListener("change", again);
    form.elements.query.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(again, 150);
    });
    more.addEventListener("click", () => {
      limit += PAGE;
      ask();
    });

    // The first answer does not wait for the filters' lists.
    fromURL();
    ask(urlValues());
    worker.postMessage({ type: "wa:filters" });
  }
})();
