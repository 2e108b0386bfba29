// citeproc-js (the CSL processor Zotero and Mendeley use) renders CSL-JSON items in a CSL style:
//   node cite.js STYLE.csl LOCALE.xml ITEMS.json  →  a JSON list, one bibliography entry an item.
const CSL = require("citeproc");
const fs = require("fs");
const [style, locale, itemsPath] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = Object.fromEntries(items.map(item => [item.id, item]));
const sys = {retrieveLocale: () => fs.readFileSync(locale, "utf8"), retrieveItem: id => byId[id]};
const styleText = fs.readFileSync(style, "utf8");
const out = items.map(item => {
  const engine = new CSL.Engine(sys, styleText, "zh-CN");  // one engine an item: each is entry [1]
  engine.setOutputFormat("text");
  engine.updateItems([item.id]);
  return engine.makeBibliography()[1][0].trim();
});
process.stdout.write(JSON.stringify(out));
