/* The /search/ page: a query with filters, answered by the site's search worker (the one
 * Material's search box uses), with the whole state in the URL so a search can be shared.
 * Only the worker's highlighted title and lede are inserted as HTML; the worker escapes
 * them. Everything else is set as text.
 */
(function () {
  "use strict";

  // Material's `__config` comes after the page content: start once the document is parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  function start() {
    const root = document.querySelector("[data-wa-search]");
    if (!root || root.dataset.waReady) return;
    root.dataset.waReady = "yes";

    const config = JSON.parse(document.getElementById("__config").textContent);
    const siteRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);
    const form = root.querySelector("[data-wa-search-form]");
    const status = root.querySelector("[data-wa-search-status]");
    const list = root.querySelector("[data-wa-search-results]");
    const more = root.querySelector("[data-wa-search-more]");
    const FIELDS = ["query", "entity", "source", "language", "from", "to", "sort"];
    const PAGE = 20;
    const LANGUAGES = { fr: "français", de: "Deutsch", en: "English", it: "italiano" };

    const worker = new Worker(new URL(config.search, location.href));
    let asked = 0;
    let limit = PAGE;
    let all = false;
    let timer = null;
    let warmed = false;

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

    function fromURL() {
      const params = new URL(location.href).searchParams;
      for (const name of FIELDS) form.elements[name].value = params.get(name) || "";
    }

    function toURL(values) {
      const url = new URL(location.href);
      url.search = "";
      for (const name of FIELDS) if (values[name]) url.searchParams.set(name, values[name]);
      history.replaceState(history.state, "", url);
    }

    function ask() {
      const values = state();
      toURL(values);
      if (!values.query) {
        list.replaceChildren();
        status.textContent = "Type one or more words.";
        more.hidden = true;
        return;
      }
      status.textContent = "Searching…";
      const filters = { entity: values.entity, source: values.source, language: values.language,
                        from: values.from, to: values.to };
      worker.postMessage({ type: "wa:search", id: ++asked, query: values.query, filters,
                           sort: values.sort, limit, all });
    }

    function render(snapshot) {
      const items = snapshot.results.map(result => {
        const item = document.createElement("li");
        item.className = "wa-search__result";
        item.lang = result.language || "";
        const heading = document.createElement("h2");
        const link = document.createElement("a");
        link.href = new URL(result.url, siteRoot).href;
        link.innerHTML = result.titleHTML;
        heading.appendChild(link);
        const meta = document.createElement("p");
        meta.className = "wa-search__meta";
        const time = document.createElement("time");
        time.dateTime = result.date;
        time.textContent = result.date;
        meta.append(time, [" ", result.sources.join(", "), LANGUAGES[result.language] || result.language]
          .filter(Boolean).join(" · "));
        const lede = document.createElement("p");
        lede.className = "wa-search__lede";
        lede.innerHTML = result.ledeHTML;
        item.append(heading, meta, lede);
        return item;
      });
      list.replaceChildren(...items);
      const count = snapshot.results.length;
      const searching = snapshot.done ? "" : " Searching the full text…";
      const older = snapshot.done && snapshot.remaining ? ` ${snapshot.remaining} older month(s) not searched yet.` : "";
    const missing = snapshot.unreachable ? ` ${snapshot.unreachable} part(s) of the index could not be fetched (offline?).` : "";
      status.textContent = (count === 0 ? (snapshot.done ? "No dispatch found." : "")
        : count === 1 ? "1 dispatch found." : `${count} dispatches found${count >= limit ? " (first " + limit + ")" : ""}.`)
        + searching + older + missing;
      more.hidden = !(snapshot.done && (snapshot.remaining > 0 || count >= limit));
      root.dataset.waDone = snapshot.done ? "yes" : "no";
    if (snapshot.done && !warmed) {
      // Headline and entity search for any word, even offline, from now on.
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
        fill(form.elements.language, f.languages.map(l => [l, LANGUAGES[l] || l]));
        fromURL();
        root.dataset.waFilters = "yes";
        ask();
      } else if (message.type === "wa:warmed") {
      root.dataset.waWarm = "yes";
    } else if (message.type === "wa:result" && message.id === asked) {
        render(message.data);
      } else if (message.type === "wa:error" && message.id === asked) {
        status.textContent = `Search failed: ${message.data}`;
        root.dataset.waDone = "yes";
      }
    });

    form.addEventListener("submit", event => {
      event.preventDefault();
      limit = PAGE;
      all = false;
      ask();
    });
    form.addEventListener("change", () => { limit = PAGE; all = false; ask(); });
    form.elements.query.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { limit = PAGE; all = false; ask(); }, 150);
    });
    more.addEventListener("click", () => {
      limit += PAGE;
      all = true;
      ask();
    });

    fromURL();
    worker.postMessage({ type: "wa:filters" });
  }
})();
