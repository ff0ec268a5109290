import { STYLE } from "../report/style.js";

/**
 * The page of `encore serve`: a filter bar over the report's sections. Self-contained: its
 * script and style come from this server, nothing from the network. Every value from the data
 * or the address is put in the page as text, never as markup; the report's sections come
 * rendered and escaped by the server.
 */
export const pageHtml = (): string => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Encore</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page.css">
<script src="/page.js" defer></script>
</head>
<body data-state="starting">
<form id="filters" class="filters" autocomplete="off">
  <div class="bar">
    <label class="field"><span data-t="from"></span><input type="date" name="from"></label>
    <label class="field"><span data-t="to"></span><input type="date" name="to"></label>
    <div id="dimensions" class="dimensions"></div>
    <label class="field"><span data-t="segment"></span><select name="segment"></select></label>
    <label class="field"><span data-t="lang"></span><select name="lang">
      <option value="en">English</option><option value="ru">Русский</option></select></label>
    <button type="button" id="reset" data-t="reset"></button>
  </div>
  <div class="bar">
    <span id="status" class="status" role="status" aria-live="polite"></span>
    <span id="downloads" class="downloads"></span>
  </div>
</form>
<main id="report" aria-busy="true"></main>
</body>
</html>
`;

export const PAGE_CSS = `${STYLE}
body { padding-top: 0; }
.filters { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 16px; box-shadow: 0 1px 4px rgba(0,0,0,.06); }
.bar { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-end; max-width: 1200px; margin: 0 auto 6px; }
.field { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
.field select[multiple] { min-width: 150px; max-width: 220px; height: 5.2em; }
.field input, .field select, button { font: inherit; font-size: 13px; color: var(--ink); }
.dimensions { display: contents; }
button, .downloads a { border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; padding: 4px 10px; cursor: pointer; color: var(--ink); text-decoration: none; font-size: 13px; }
.downloads { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.status { font-size: 13px; color: var(--muted); min-width: 14em; }
.status.error { color: #b42318; font-weight: bold; }
body.loading main { opacity: .45; transition: opacity .2s; }
body.loading .status::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 6px; border: 2px solid var(--accent); border-right-color: transparent; border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.groups { margin: 12px 0 0; }
.groups summary { cursor: pointer; color: var(--accent); }
.groups td a { color: var(--accent); }
`;

/** The page's script, plain JavaScript run by the browser as it is. */
export const PAGE_JS = `"use strict";
(() => {
  const WORDS = {
    en: {
      from: "First order from", to: "First order to", segment: "Segment", lang: "Language",
      reset: "Everyone", all: "all", everyone: "every customer", loading: "Computing…",
      customers: (n) => n + " customers", download: "Lists:",
      list: { nudge_now: "nudge now", one_order_likely_active: "one order, likely active",
        at_risk_valuable: "valuable at risk", champions: "champions" },
      segments: { "1": "1 order", "2-4": "2–4 orders", "5+": "5+ orders" },
      these: (n) => "these " + n + " customers", value: "Value", cohort: "Cohort", users: "Customers",
      byValue: "Download the customers of one value",
      byCohort: "Download the customers of one cohort",
      failed: "Could not compute: ",
    },
    ru: {
      from: "Первый заказ с", to: "Первый заказ по", segment: "Сегмент", lang: "Язык",
      reset: "Все покупатели", all: "все", everyone: "все покупатели", loading: "Считаем…",
      customers: (n) => "покупателей: " + n, download: "Списки:",
      list: { nudge_now: "напомнить сейчас", one_order_likely_active: "один заказ, вероятно активны",
        at_risk_valuable: "ценные под угрозой ухода", champions: "чемпионы" },
      segments: { "1": "1 заказ", "2-4": "2–4 заказа", "5+": "5+ заказов" },
      these: (n) => "эти покупатели: " + n, value: "Значение", cohort: "Когорта", users: "Покупатели",
      byValue: "Скачать покупателей одного значения",
      byCohort: "Скачать покупателей одной когорты",
      failed: "Не удалось посчитать: ",
    },
  };
  const form = document.getElementById("filters");
  const report = document.getElementById("report");
  const status = document.getElementById("status");
  const downloads = document.getElementById("downloads");
  let options = null;
  let controller = null;
  let generation = 0;

  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    const { dataset, ...rest } = props || {};
    Object.assign(node, rest);
    Object.assign(node.dataset, dataset || {});
    for (const child of children) node.append(child);
    return node;
  };
  const lang = () => (form.elements.lang.value === "ru" ? "ru" : "en");
  const words = () => WORDS[lang()];
  const count = (n) => new Intl.NumberFormat(lang() === "ru" ? "ru-RU" : "en-GB").format(n);

  async function fetchOk(url, signal, as) {
    const response = await fetch(url, { signal, headers: { Accept: as === "json" ? "application/json" : "text/html" } });
    if (!response.ok) {
      let message = response.status + " " + response.statusText;
      try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return as === "json" ? response.json() : response.text();
  }

  function build() {
    const dims = document.getElementById("dimensions");
    for (const [column, values] of Object.entries(options.dimensions)) {
      const select = el("select", { name: column, multiple: true });
      for (const v of values) select.append(el("option", { value: v.value, textContent: v.value + " (" + count(v.users) + ")" }));
      dims.append(el("label", { className: "field" }, el("span", { className: "dim", dataset: { column } }), select));
    }
    const segment = form.elements.segment;
    segment.append(el("option", { value: "" }));
    for (const s of options.segments) segment.append(el("option", { value: s }));
    for (const name of ["from", "to"]) {
      if (options.first_order.from) form.elements[name].min = options.first_order.from;
      if (options.first_order.to) form.elements[name].max = options.first_order.to;
    }
  }

  function label() {
    const w = words();
    document.documentElement.lang = lang();
    for (const node of document.querySelectorAll("[data-t]")) node.textContent = w[node.dataset.t];
    for (const node of document.querySelectorAll("span.dim")) node.textContent = options.labels[node.dataset.column][lang()];
    const segment = form.elements.segment;
    for (const option of segment.options) option.textContent = option.value ? w.segments[option.value] : w.all;
  }

  function fromAddress() {
    const q = new URLSearchParams(location.search);
    form.elements.from.value = q.get("from") || "";
    form.elements.to.value = q.get("to") || "";
    form.elements.segment.value = q.get("segment") || "";
    form.elements.lang.value = q.get("lang") === "ru" ? "ru" : "en";
    for (const column of Object.keys(options.dimensions)) {
      const chosen = new Set(q.getAll(column));
      const select = form.elements[column];
      for (const option of select.options) option.selected = chosen.has(option.value);
      // A value from the address that the data no longer offers is kept, and shown.
      for (const value of chosen) {
        if (![...select.options].some((o) => o.value === value)) select.append(el("option", { value, textContent: value, selected: true }));
      }
    }
  }

  /** The filter as a query string: the page's address and every request's. */
  function query() {
    const q = new URLSearchParams();
    for (const name of ["from", "to", "segment"]) if (form.elements[name].value) q.set(name, form.elements[name].value);
    for (const column of Object.keys(options.dimensions)) {
      for (const option of form.elements[column].selectedOptions) q.append(column, option.value);
    }
    return q;
  }

  async function refresh() {
    if (controller) controller.abort();
    controller = new AbortController();
    const mine = ++generation;
    const filter = query();
    const full = new URLSearchParams(filter);
    full.set("lang", lang());
    history.replaceState(null, "", "?" + full.toString());
    label();
    document.body.classList.add("loading");
    document.body.dataset.state = "loading";
    report.setAttribute("aria-busy", "true");
    status.classList.remove("error");
    status.textContent = words().loading;
    try {
      const [results, html] = await Promise.all([
        fetchOk("/api/results?" + filter.toString(), controller.signal, "json"),
        fetchOk("/api/report?" + full.toString(), controller.signal, "html"),
      ]);
      if (mine !== generation) return;
      report.innerHTML = html;
      status.textContent = words().customers(count(results.overall.users));
      offer(results, filter);
    } catch (error) {
      if (mine !== generation || (error && error.name === "AbortError")) return;
      status.classList.add("error");
      status.textContent = words().failed + (error && error.message ? error.message : String(error));
    } finally {
      if (mine === generation) {
        document.body.dataset.state = status.classList.contains("error") ? "error" : "ready";
        document.body.classList.remove("loading");
        report.setAttribute("aria-busy", "false");
      }
    }
  }

  const href = (path, filter, extra) => {
    const q = new URLSearchParams(filter);
    for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
    return path + "?" + q.toString();
  };

  /** The downloads for the current filter: the lists, and "these N customers" per row. */
  function offer(results, filter) {
    const w = words();
    downloads.replaceChildren(el("span", { textContent: w.download }));
    for (const name of options.lists) {
      const list = results.lists[name];
      if (!list) continue;
      downloads.append(el("a", { href: href("/api/lists/" + name + ".csv", filter), download: name + ".csv",
        className: "list", dataset: { list: name }, textContent: w.list[name] + " · " + count(list.users) }));
    }
    const entry = document.getElementById("entry-points");
    if (entry) {
      const rows = [];
      for (const [column, labels] of Object.entries(options.labels)) {
        const dim = results.entry_points.dimensions[labels.first];
        if (!dim) continue;
        for (const v of dim.values) {
          if (v.value === "other") continue;
          rows.push([labels[lang()] + ": " + v.value, v.users, { group_dimension: column, group_value: v.value }]);
        }
      }
      if (rows.length) entry.append(groups(w.byValue, w.value, rows, filter));
    }
    const cohorts = document.getElementById("cohorts");
    if (cohorts && results.cohorts.rows.length) {
      const rows = results.cohorts.rows.map((r) => [r.cohort, r.users, { group_cohort: r.cohort }]);
      cohorts.append(groups(w.byCohort, w.cohort, rows, filter));
    }
  }

  function groups(title, head, rows, filter) {
    const w = words();
    const body = el("tbody");
    for (const [name, users, group] of rows) {
      body.append(el("tr", {}, el("td", { textContent: name }), el("td", { className: "num", textContent: count(users) }),
        el("td", {}, el("a", { href: href("/api/customers.csv", filter, group), download: "", className: "group", textContent: w.these(count(users)) }))));
    }
    const table = el("table", {}, el("thead", {}, el("tr", {}, el("th", { textContent: head }), el("th", { className: "num", textContent: w.users }), el("th"))), body);
    return el("details", { className: "groups" }, el("summary", { textContent: title }), table);
  }

  async function start() {
    try {
      options = await fetchOk("/api/options", undefined, "json");
    } catch (error) {
      status.classList.add("error");
      status.textContent = WORDS.en.failed + error.message;
      document.body.dataset.state = "error";
      return;
    }
    build();
    fromAddress();
    form.addEventListener("change", refresh);
    document.getElementById("reset").addEventListener("click", () => {
      const keep = lang();
      form.reset();
      for (const select of form.querySelectorAll("select[multiple]")) for (const o of select.options) o.selected = false;
      form.elements.lang.value = keep;
      refresh();
    });
    window.addEventListener("popstate", () => { fromAddress(); refresh(); });
    refresh();
  }
  start();
})();
`;
