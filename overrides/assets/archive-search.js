/* Exact Chinese search over the archive's character index (see generator/search.py).
 * Index files are scripts that call back into window.__archiveSearch, so the search
 * works from a web server and from file:// alike, with nothing fetched from elsewhere. */
(function () {
  "use strict";
  const base = (window.__archiveBase || ".").replace(/\/?$/, "/");
  const dirUrls = window.__archiveDirUrls !== false;
  // g, u, t, docs: what the index files handed over, each a promise of its data unpacked
  const state = { g: new Map(), u: new Map(), t: new Map(), docs: null, fold: new Map(), pending: new Map() };
  let loaded = null;  // docs.js's data, once unpacked

  // An index file's data comes as JSON deflated and in base64 (generator/search/index.py,
  // _packed), unpacked by the browser's own DecompressionStream.
  async function unpack(packed) {
    const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return JSON.parse(await new Response(stream).text());
  }

  const api = (window.__archiveSearch = window.__archiveSearch || {});
  api.g = (bucket, packed) => state.g.set(bucket, unpack(packed));
  api.u = (bucket, packed) => state.u.set(bucket, unpack(packed));
  api.t = (file, packed) => state.t.set(file, unpack(packed));
  api.docs = (packed) => { state.docs = unpack(packed); };
  api.fold = (pairs) => { const c = Array.from(pairs); for (let i = 0; i + 1 < c.length; i += 2) state.fold.set(c[i], c[i + 1]); };

  function load(path) {
    if (!state.pending.has(path)) {
      state.pending.set(path, new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.src = base + path;
        s.async = true;
        s.onload = () => resolve();
        s.onerror = () => { state.pending.delete(path); reject(new Error("cannot load " + path)); };
        document.head.appendChild(s);
      }));
    }
    return state.pending.get(path);
  }

  function fnv1a(text) {
    let h = 0x811c9dc5;
    for (const ch of text) {
      h ^= ch.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // as generator/search/index.py's normalize, a character at a time: NFKC, traditional characters
  // as simplified (search/fold.js), every double quote as " and single as ', no whitespace, no
  // zero-width characters, lower case
  const fold1 = (c) => Array.from(c.normalize("NFKC").replace(/[“”„‟〝〞「」『』]/g, '"').replace(/[‘’‚‛]/g, "'")
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, "").toLowerCase(), (x) => state.fold.get(x) || x).join("");
  // `text` folded, and for each folded character where its own starts and ends in `text`: a match
  // found in the folded text is marked on the text as printed (１９９８ for 1998, 鄭州 for 郑州)
  function folded(text) {
    let out = "";
    const from = [], to = [];
    for (let i = 0; i < text.length;) {
      const c = String.fromCodePoint(text.codePointAt(i));
      const x = fold1(c);
      out += x;
      for (let j = 0; j < x.length; j++) { from.push(i); to.push(i + c.length); }  // a UTF-16 unit each
      i += c.length;
    }
    return { out, from, to };
  }
  const norm = (s) => folded(s).out;
  const num = (s) => parseInt(s, 36);

  async function docs() {
    if (!state.docs) await Promise.all([load("search/docs.js"), load("search/fold.js")]);
    const d = (loaded = await state.docs);
    if (!d.cols) {
      d.where = d.alone.map((keys) => new Map(keys.map((k, i) => [k, "x" + i])));  // lists in files of their own
      d.cols = {};
      for (const [k, v] of Object.entries(d.columns)) d.cols[k] = v.split(",").map(num);
      // a year left out is its date's (generator/search/index.py, _year); one past the list, none
      const place = new Map(d.years.map((y, i) => [y, i + 1])), day = d.cols.day;
      d.cols.year = d.cols.year.map((v, i) => v > d.years.length ? 0
        : v || (day[i] ? place.get(new Date((day[i] - 1) * 864e5).getUTCFullYear()) || 0 : 0));
    }
    return d;
  }

  // bigram -> Map(doc -> positions)
  const decoded = new Map();
  async function bigram(pair) {
    if (decoded.has(pair)) return decoded.get(pair);
    const d = await docs();
    const bucket = d.where[0].get(pair) ?? fnv1a(pair) % d.buckets[0];
    if (!state.g.has(bucket)) await load("search/g/" + bucket + ".js");
    const raw = ((await state.g.get(bucket)) || {})[pair];
    const out = new Map();
    if (raw) {
      let doc = 0;
      for (const entry of raw.split(";")) {
        const [d, ps] = entry.split(":");
        doc += num(d);
        let p = 0;
        out.set(doc, ps.split(",").map((x) => (p += num(x))));
      }
    }
    decoded.set(pair, out);
    return out;
  }

  async function unigram(ch) {
    const d = await docs();
    const bucket = d.where[1].get(ch) ?? fnv1a(ch) % d.buckets[1];
    if (!state.u.has(bucket)) await load("search/u/" + bucket + ".js");
    const raw = ((await state.u.get(bucket)) || {})[ch];
    const out = [];
    if (raw) { let d = 0; for (const x of raw.split(",")) out.push((d += num(x))); }
    return out;
  }

  // Every article containing `term`: Map(doc -> {tf, title})
  async function match(term) {
    const chars = Array.from(term);
    const found = new Map();
    if (chars.length === 1) {
      for (const d of await unigram(chars[0])) found.set(d, { tf: 1, title: false });
      return found;
    }
    // Every other bigram and the last (高质量发展: 高质, 量发, 发展) cover the term: where they stand
    // at these offsets, so does the term, and a query loads fewer postings than with every bigram.
    const offsets = [];
    for (let i = 0; i + 1 < chars.length; i += 2) offsets.push(i);
    if (offsets[offsets.length - 1] !== chars.length - 2) offsets.push(chars.length - 2);
    const lists = await Promise.all(offsets.map((i) => bigram(chars[i] + chars[i + 1])));
    const smallest = lists.reduce((a, b) => (b.size < a.size ? b : a));
    const head = (await docs()).cols.head;
    for (const d of smallest.keys()) {
      if (!lists.every((l) => l.has(d))) continue;
      const sets = lists.map((l) => new Set(l.get(d)));
      let tf = 0, title = false;
      for (const p of lists[0].get(d)) {
        let ok = true;
        for (let i = 1; i < sets.length && ok; i++) ok = sets[i].has(p + offsets[i]);
        if (ok) { tf++; if (p < head[d]) title = true; }
      }
      if (tf) found.set(d, { tf, title });
    }
    return found;
  }

  async function search(query) {
    const started = performance.now();
    const d = await docs();
    const terms = query.split(/\s+/).map(norm).filter(Boolean);
    let hits = null;
    const total = d.count, avg = d.cols.text.reduce((a, b) => a + b, 0) / Math.max(1, total);
    for (const term of terms) {
      const found = await match(term);
      const idf = Math.log(1 + total / Math.max(1, found.size));
      const next = new Map();
      for (const [doc, m] of found) {
        if (hits && !hits.has(doc)) continue;
        const len = d.cols.text[doc] || 1;
        const bm25 = (m.tf * 2.2) / (m.tf + 1.2 * (0.25 + 0.75 * len / avg));
        const prev = hits ? hits.get(doc) : { score: 0, title: 0 };
        next.set(doc, { score: prev.score + idf * bm25, title: prev.title + (m.title ? 1 : 0) });
      }
      hits = next;
    }
    const list = hits ? [...hits.entries()].map(([doc, h]) => ({ doc, ...h })) : [];
    return { query, terms, list, ms: performance.now() - started };
  }

  // Each facet's counts among the hits the other filters keep: what choosing it would show. The
  // filter chosen in a facet is offered even where nothing is left, so it can be let go.
  function facets(list, d, filters) {
    filters = filters || {};
    const count = (key, col, names, bits) => {
      const c = new Map();
      for (const h of keep(list, d, { ...filters, [key]: null })) {
        const v = d.cols[col][h.doc];
        if (bits) { names.forEach((n, i) => { if (v & (1 << i)) c.set(i, (c.get(i) || 0) + 1); }); }
        else if (v) c.set(v - 1, (c.get(v - 1) || 0) + 1);
      }
      if (filters[key] != null && !c.has(filters[key])) c.set(filters[key], 0);
      return [...c.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i, n]) => ({ i, name: String(names[i]), n }));
    };
    return { district: count("district", "district", d.districts), year: count("year", "year", d.years),
             topic: count("topic", "topics", d.topics, true) };
  }

  function keep(list, d, filters) {
    return list.filter((h) =>
      (filters.district == null || d.cols.district[h.doc] === filters.district + 1) &&
      (filters.year == null || d.cols.year[h.doc] === filters.year + 1) &&
      (filters.topic == null || (d.cols.topics[h.doc] & (1 << filters.topic))));
  }

  function rank(list, d, sort) {
    const day = d.cols.day;
    return list.sort(sort === "date"
      ? (a, b) => day[b.doc] - day[a.doc] || b.score - a.score || a.doc - b.doc
      : (a, b) => b.title - a.title || b.score - a.score || day[b.doc] - day[a.doc] || a.doc - b.doc);
  }

  async function article(n) {
    const per = (await docs()).texts, file = Math.floor(n / per);
    if (!state.t.has(file)) await load("search/t/" + file + ".js");
    return (await state.t.get(file))[n - file * per];
  }

  api.search = search; api.facets = facets; api.keep = keep; api.rank = rank; api.article = article; api.data = docs;
  api.url = (id) => base + "articles/" + id + (dirUrls ? "/" : ".html");
  api.page = (query) => base + (dirUrls ? "search/" : "search.html") + (query ? "?q=" + encodeURIComponent(query) : "");

  // ---- the search page ---------------------------------------------------------------
  const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

  // Where the terms stand in `text`, as printed: [start, end) ranges, in order, not overlapping.
  function spans(text, terms) {
    const f = folded(text), found = [];
    for (const t of terms) {
      for (let k = t ? f.out.indexOf(t) : -1; k >= 0; k = f.out.indexOf(t, k + 1)) found.push([f.from[k], f.to[k + t.length - 1]]);
    }
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const out = [];
    for (const s of found) {
      if (out.length && s[0] < out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], s[1]);
      else out.push(s.slice());
    }
    return out;
  }

  function highlight(text, terms) {
    let out = "", last = 0;
    for (const [a, b] of spans(text, terms)) { out += escape(text.slice(last, a)) + "<mark>" + escape(text.slice(a, b)) + "</mark>"; last = b; }
    return out + escape(text.slice(last));
  }

  // The text around its first match (its start where none is found)
  function snippet(text, terms, width) {
    const first = spans(text, terms)[0];
    const at = first ? first[0] : 0;
    const start = Math.max(0, at - width);
    return (start > 0 ? "…" : "") + text.slice(start, at + width * 2) + (at + width * 2 < text.length ? "…" : "");
  }

  const PAGE = 10;

  async function mount(root) {
    const input = root.querySelector("input[name=q]");
    const sort = root.querySelector("select[name=sort]");
    const status = root.querySelector(".archive-search__status");
    const facetBox = root.querySelector(".archive-search__facets");
    const results = root.querySelector(".archive-search__results");
    const more = root.querySelector(".archive-search__more");
    const help = document.createElement("p");  // what to try when nothing is found
    help.className = "archive-search__help";
    help.setAttribute("aria-live", "polite");
    help.hidden = true;
    status.after(help);
    const filters = { district: null, year: null, topic: null };
    let current = null, shown = 0, generation = 0;

    let params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    if (params.get("sort") === "date") sort.value = "date";
    const title = document.title;
    // The search on screen is one the reader has (loaded, submitted, filtered): their next edit
    // starts a new history entry, which the keystrokes after it replace.
    let fresh = true, pushNext = false;

    async function render(append) {
      const gen = generation;
      const d = await docs();
      const list = rank(keep(current.list, d, filters), d, sort.value);
      if (!append) { results.innerHTML = ""; shown = 0; }
      const slice = list.slice(shown, shown + PAGE);
      const items = await Promise.all(slice.map((h) => article(h.doc)));
      if (gen !== generation) return;
      for (const a of items) {
        const li = document.createElement("li");
        li.className = "archive-search__hit";
        li.innerHTML = '<a class="archive-search__title" href="' + api.url(a.id) + '">' + highlight(a.title, current.terms) + "</a>" +
          '<div class="archive-search__meta">' + escape(a.date) + (a.district ? " · " + escape(a.district) : "") + "</div>" +
          '<p class="archive-search__snippet">' + highlight(snippet(a.text, current.terms, 40), current.terms) + "</p>";
        results.appendChild(li);
      }
      shown += slice.length;
      more.hidden = shown >= list.length;
      status.textContent = current.terms.length ? "找到 " + list.length + " 篇" + (list.length < current.list.length ? "（共 " + current.list.length + " 篇，已筛选）" : "") : "";
      help.hidden = !(current.terms.length && !list.length);
      if (!help.hidden) {
        help.textContent = current.list.length
          ? "筛选条件下没有结果：取消地区、年份或专题的筛选，可看全部 " + current.list.length + " 篇。"
          : "没有找到。搜索只找与输入完全相同的文字：试试更短的词、少一个词，或换个说法" +
            (current.terms.length > 1 ? "（几个词之间用空格分开时，每个词都要出现）" : "") + "。";
      }
      root.dataset.state = "done";
      root.dataset.count = String(list.length);
      root.dataset.query = current.query;
    }

    function drawFacets() {
      const d = loaded;
      const f = facets(current.list, d, filters);
      const labels = { district: "地区", year: "年份", topic: "专题" };
      facetBox.innerHTML = "";
      for (const key of ["district", "year", "topic"]) {
        if (!f[key].length) continue;
        const group = document.createElement("div");
        group.className = "archive-search__facet";
        group.innerHTML = "<span>" + labels[key] + "：</span>";
        for (const item of f[key]) {
          const b = document.createElement("button");
          b.type = "button";
          b.dataset.facet = key;
          b.dataset.value = String(item.i);
          b.className = filters[key] === item.i ? "active" : "";
          b.textContent = item.name + (key === "year" ? "年" : "") + " " + item.n;
          b.onclick = () => { filters[key] = filters[key] === item.i ? null : item.i; syncUrl(true); fresh = true; drawFacets(); render(false); };
          group.appendChild(b);
        }
        facetBox.appendChild(group);
      }
    }

    // The query, the sort and the filters live in the address, so that a search can be shared,
    // bookmarked and reloaded as it is: ?q=党工委&sort=date&district=二七区&year=2021&topic=党建
    const FILTER_TABLES = { district: "districts", year: "years", topic: "topics" };
    // A new query, a filter or the sort is a new history entry, so that Back returns to the search
    // before; while the reader types, that entry is replaced. The page's title names the query:
    // the tab, the history list and a bookmark say it.
    function syncUrl(push) {
      const query = input.value.trim();
      document.title = query ? "“" + query + "”的搜索结果 - " + title : title;
      const out = new URLSearchParams();
      if (query) out.set("q", query);
      if (query && sort.value === "date") out.set("sort", "date");
      for (const [key, table] of Object.entries(FILTER_TABLES)) {
        if (query && filters[key] != null && loaded) out.set(key, String(loaded[table][filters[key]]));
      }
      const search = out.toString();
      const address = search ? "?" + search : location.pathname;
      if ("?" + search === location.search || (!search && !location.search)) return;
      try { history[push ? "pushState" : "replaceState"](null, "", address); } catch (e) { /* file:// */ }
    }

    // A search that cannot be made says so, rather than stay at 正在搜索…: the index files are
    // unpacked with DecompressionStream, which browsers older than 2023 lack.
    function run(fromAddress) {
      return searched(fromAddress).catch((e) => {
        status.textContent = typeof DecompressionStream === "undefined"
          ? "这个浏览器无法读取搜索索引：请用较新的浏览器（Chrome 或 Edge 103、Firefox 113、Safari 16.4 及以上）。"
          : "搜索索引读取失败（" + e.message + "），请刷新页面再试。";
        root.dataset.state = "failed";
      });
    }

    async function searched(fromAddress) {
      const query = input.value.trim();
      const push = pushNext && !fromAddress;  // an address read (a link, Back) is put in its canonical form, not added
      pushNext = false;
      generation++;
      root.dataset.state = "busy";
      filters.district = filters.year = filters.topic = null;
      if (fromAddress) {  // the filters a shared address names, by name
        const d = await docs();
        for (const [key, table] of Object.entries(FILTER_TABLES)) {
          const i = params.has(key) ? d[table].map(String).indexOf(params.get(key)) : -1;
          if (i >= 0) filters[key] = i;
        }
      }
      syncUrl(push);
      if (!query) { current = { terms: [], list: [] }; results.innerHTML = ""; facetBox.innerHTML = ""; status.textContent = ""; root.dataset.state = "done"; return; }
      status.textContent = "正在搜索…";
      current = await search(query);
      drawFacets();
      await render(false);
    }

    let timer = null;
    // busy from the keystroke on, not from when the pause runs the search: done means these results
    input.addEventListener("input", () => {
      clearTimeout(timer);
      root.dataset.state = "busy";
      if (fresh) { pushNext = true; fresh = false; }
      timer = setTimeout(run, 20);
    });
    root.querySelector("form").addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(timer); run(); fresh = true; });
    sort.addEventListener("change", () => { syncUrl(true); fresh = true; if (current) render(false); });
    window.addEventListener("popstate", () => {  // Back and Forward: the search that address names
      params = new URLSearchParams(location.search);
      input.value = params.get("q") || "";
      sort.value = params.get("sort") === "date" ? "date" : sort.options[0].value;
      clearTimeout(timer);
      pushNext = false;
      fresh = true;
      run(true);
    });
    more.addEventListener("click", () => render(true));
    docs().catch(() => {});  // warm the article table while the reader types (a failure shows when searching)
    if (input.value) run(true); else root.dataset.state = "done";
    input.focus();
  }

  function ready() {
    const root = document.querySelector(".archive-search");
    if (root) mount(root);
    for (const form of document.querySelectorAll("form.archive-search-box")) {
      form.addEventListener("submit", (e) => { e.preventDefault(); location.href = api.page(form.querySelector("input").value.trim()); });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
