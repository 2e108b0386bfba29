// The drawer (the navigation on a phone) of a page outside the navigation is left empty by
// overrides/main.html: it lists what the tabs list, so it is made from them here, as Material
// would have written it, rather than carried twice by every article page.
(function () {
  const list = document.querySelector(".md-nav--primary > .md-nav__list");
  if (!list || list.children.length) return;
  for (const tab of document.querySelectorAll(".md-tabs__link")) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    const label = document.createElement("span");
    item.className = "md-nav__item";
    link.className = "md-nav__link";
    link.href = tab.getAttribute("href");
    label.className = "md-ellipsis";
    label.textContent = tab.textContent.trim();
    link.append(label);
    item.append(link);
    list.append(item);
  }
  const logo = document.querySelector(".md-header__button.md-logo");
  const title = list.parentElement.querySelector(".md-nav__title");
  if (logo && title) {
    const copy = logo.cloneNode(true);
    copy.className = "md-nav__button md-logo";
    title.prepend(copy);
  }
})();
