"""Zensical (the successor of Material for MkDocs, by its authors) builds the same Markdown from
the same mkdocs.yml, and every page's content is the HTML our MkDocs build writes: the archive can
move when Material reaches its end of life. Zensical ignores MkDocs plugins (no minifying, no
markup fixes: compared as parsed HTML) and adds a skip-link target of its own."""
import shutil
import subprocess

from conftest import parsed

KINDS = ("articles", "pages", "people", "orgs", "reporters", "districts", "topics", "dates")


def content(path):
    """The page's <article> as (tag, attributes, text, tail) a node, whitespace collapsed."""
    article = parsed(path).xpath("//article")[0]
    for skip in article.xpath('.//a[@id="__skip"]'):
        skip.drop_tree()
    return [(e.tag, sorted(e.attrib.items()), " ".join((e.text or "").split()),
             " ".join((e.tail or "").split()) if e is not article else "")
            for e in article.iter() if isinstance(e.tag, str)]


def test_zensical_builds_the_same_pages(built_site):
    assert shutil.which("zensical"), "Zensical is missing: `bash .ci/run` installs the test extras"
    config = (built_site / "mkdocs.yml").read_text(encoding="utf-8").replace("\nsite_dir: site\n", "\nsite_dir: site-zensical\n")
    (built_site / "zensical.yml").write_text(config, encoding="utf-8")
    subprocess.run(["zensical", "build", "-f", str(built_site / "zensical.yml")], check=True, capture_output=True)
    ours = sorted(p for kind in KINDS for p in (built_site / "site" / kind).glob("*/index.html"))
    assert len(ours) > 80
    differ = [p.relative_to(built_site / "site").as_posix() for p in ours
              if content(p) != content(built_site / "site-zensical" / p.relative_to(built_site / "site"))]
    assert differ == []
