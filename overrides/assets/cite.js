// The cite box's online form (GB/T 7714-2015 [N/OL]) carries the date it is cited on: the
// reader's today, written where generator/render.py leaves "[引用日期]" (a static page cannot know it).
(function () {
  const d = new Date();
  const today = d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  for (const code of document.querySelectorAll(".admonition.quote code")) {
    const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);  // highlighting may split the text
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (node.nodeValue.includes("[引用日期]")) node.nodeValue = node.nodeValue.replace("[引用日期]", "[" + today + "]");
    }
  }
})();
