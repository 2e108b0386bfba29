// The cite box's online form (GB/T 7714-2015 [N/OL]) carries the date it is cited on: the
// reader's today, written where generator/render leaves "[引用日期]" (a static page cannot know it).
// The same record for reference managers: RIS and CSL-JSON downloads made here from the page's
// own data (#cite-as, written by generator/render), so that they cost the site no file of their own.

// The CSL-JSON record (generator/render/markdown.py, csl_item) as RIS, TY NEWS: a newspaper
// article to EndNote, Zotero and NoteExpress; the page carries the one record, not both.
function risOf(csl, today) {
  const parts = (csl.issued && csl.issued["date-parts"] || [[]])[0];
  const year = parts.length ? String(parts[0]) : ((csl.issued && csl.issued.literal || "").match(/\d{4}/) || [null])[0];
  const fields = [["TY", "NEWS"], ["TI", csl.title], ...(csl.author || []).map((a) => ["AU", a.literal]),
    ["T2", csl["container-title"]], ["DA", parts.length === 3 ? parts.map((n) => String(n).padStart(2, "0")).join("/") : null],
    ["PY", year], ["SP", csl.page], ["LA", csl.language], ["UR", csl.URL], ["ID", csl.id],
    ["Y2", today.replace(/-/g, "/")], ["ER", ""]];
  return fields.filter(([, v]) => v != null).map(([tag, v]) => tag + "  - " + v + "\r\n").join("");
}

(function () {
  const d = new Date();
  const today = d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  for (const code of document.querySelectorAll(".admonition.quote code")) {
    const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);  // highlighting may split the text
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (node.nodeValue.includes("[引用日期]")) node.nodeValue = node.nodeValue.replace("[引用日期]", "[" + today + "]");
    }
  }
  const data = document.getElementById("cite-as");
  const box = document.querySelector(".admonition.quote");
  if (!data || !box) return;
  const csl = Object.assign({}, JSON.parse(data.textContent), {accessed: {"date-parts": [today.split("-").map(Number)]}});
  const ris = risOf(csl, today);
  const p = document.createElement("p");
  p.className = "cite-downloads";
  p.append("下载引用：");
  const add = function (label, text, type, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], {type: type}));
    a.download = name;
    a.textContent = label;
    p.append(a);
  };
  add("RIS（EndNote、Zotero、NoteExpress）", ris, "application/x-research-info-systems", csl.id + ".ris");
  p.append(" · ");
  add("CSL-JSON", JSON.stringify([csl], null, 1), "application/vnd.citationstyles.csl+json", csl.id + ".json");
  box.append(p);
})();

// Material puts each code block's copy button in a <nav> of its own, added once the page runs:
// three unnamed navigation landmarks in every cite box, where there is nothing to navigate. They
// are made plain groups (role none: the buttons keep their own names).
(function () {
  const plain = (root) => {
    for (const nav of root.querySelectorAll ? root.querySelectorAll("nav.md-code__nav") : []) nav.setAttribute("role", "none");
  };
  plain(document);
  new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => {
    if (n.nodeType === 1) { if (n.matches("nav.md-code__nav")) n.setAttribute("role", "none"); plain(n); }
  }))).observe(document.body, { childList: true, subtree: true });
})();
