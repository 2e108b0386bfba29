/* 历史上的今天 on the home page: the articles of this calendar day in earlier years, read from
   onthisday/MM-DD.js (generator/onthisday.py) by the reader's own clock, so a static site stays
   current without a rebuild. A day with none looks a week ahead. Scripts, not fetch: the offline
   copy opened from disk loads them too. Titles go in as text, never as markup. */
(function () {
  var box = document.querySelector(".on-this-day");
  if (!box) return;
  var base = window.__archiveBase || ".", dirUrls = window.__archiveDirUrls !== false;
  var found = {};
  window.__archiveOnThisDay = function (day, rows) { found[day] = rows; };
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var now = new Date(), thisYear = now.getFullYear(), SHOWN = 10;

  function load(day) {
    return new Promise(function (resolve) {
      var s = document.createElement("script");
      s.src = base.replace(/\/?$/, "/") + "onthisday/" + day + ".js";
      s.onload = s.onerror = function () { s.remove(); resolve(found[day] || []); };
      document.head.appendChild(s);
    });
  }

  function show(date, rows) {
    var heading = box.querySelector(".on-this-day__day");
    var list = box.querySelector("ul");
    heading.textContent = (date.getMonth() + 1) + "月" + date.getDate() + "日" +
      (date.toDateString() === now.toDateString() ? "（今天）" : "（往年今日无报道，最近的一天）") +
      (rows.length > SHOWN ? "，共 " + rows.length + " 篇，列出最近 " + SHOWN + " 篇" : "");
    rows.slice(0, SHOWN).forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = base.replace(/\/?$/, "/") + "articles/" + r[1] + (dirUrls ? "/" : ".html");
      a.textContent = r[2];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + r[0] + "年" + (r[3] ? " · " + r[3] : "")));
      list.appendChild(li);
    });
    box.hidden = false;
  }

  // the days that have a file (the home page lists them): no request for a day that has none
  var days = new Set((box.getAttribute("data-days") || "").split(" "));
  (async function () {
    for (var ahead = 0; ahead < 7; ahead++) {
      var date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead);
      var day = pad(date.getMonth() + 1) + "-" + pad(date.getDate());
      if (!days.has(day)) continue;
      var rows = (await load(day)).filter(function (r) { return r[0] < thisYear; });
      if (rows.length) { show(date, rows); break; }
    }
    box.setAttribute("data-state", "done");  // shown or not: for tests and styles
  })();
})();
