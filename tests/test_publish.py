"""`python -m generator publish --to s3://BUCKET/PREFIX` against a real S3-compatible server (moto's,
from the package registry, started here on a free port): every file with the type it is served as,
then only what changed, and what the site no longer has deleted."""
import hashlib
import shutil
import socket

import boto3
import pytest
from moto.server import ThreadedMotoServer

from generator.site import publish


@pytest.fixture
def store(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for name, value in {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "test",
                        "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3")
    client.create_bucket(Bucket="archive")
    try:
        yield client
    finally:
        server.stop()


def _objects(client, prefix="news/"):
    out = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket="archive", Prefix=prefix):
        for item in page.get("Contents", []):
            out[item["Key"][len(prefix):]] = item["ETag"].strip('"')
    return out


def test_publish_sends_the_site_then_only_what_changed(store, built_site, tmp_path, capsys):
    from generator.cli import main

    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site)
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    store.put_object(Bucket="archive", Key="elsewhere/keep.txt", Body=b"not ours")  # outside the prefix

    assert main(["publish", "--site", str(site), "--to", "s3://archive/news"]) == 0
    stored = _objects(store)
    assert stored == {rel: hashlib.md5(p.read_bytes()).hexdigest() for rel, p in files.items()}
    types = {rel: store.head_object(Bucket="archive", Key=f"news/{rel}")["ContentType"]
             for rel in ("index.html", "sitemap.xml", "data/articles.jsonl.gz", next(r for r in files if r.endswith(".js")))}
    assert types["index.html"] == "text/html; charset=utf-8" and types["sitemap.xml"].startswith("application/xml")
    assert types["data/articles.jsonl.gz"] == "application/gzip" and types[next(r for r in types if r.endswith(".js"))] \
        .startswith("text/javascript")
    assert f"{len(files):,} files sent, 0 unchanged, 0 deleted" in " ".join(capsys.readouterr().err.split())

    # a day added, a page changed, a file gone: only those travel
    (site / "issues" / "2099-01-01").mkdir(parents=True)
    (site / "issues" / "2099-01-01" / "index.html").write_text("<!doctype html><title>新的一天</title>", encoding="utf-8")
    (site / "index.html").write_text((site / "index.html").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    gone = next(rel for rel in files if rel.startswith("articles/"))
    (site / gone).unlink()
    done = publish.publish(site, "s3://archive/news/")
    assert sorted(done.uploaded) == ["index.html", "issues/2099-01-01/index.html"] and done.deleted == [gone]
    assert done.kept == len(files) - 2
    assert done.uploaded[-1] == "index.html"  # the home page after what it may link
    assert gone not in _objects(store) and "issues/2099-01-01/index.html" in _objects(store)
    assert _objects(store, "elsewhere/") == {"keep.txt": hashlib.md5(b"not ours").hexdigest()}


@pytest.mark.parametrize("target", ["http://archive/news", "s3://", "s3://A_B/x", "archive/news"])
def test_a_target_that_is_no_bucket_is_refused(tmp_path, target):
    with pytest.raises(publish.PublishError):
        publish.parse_target(target)


def test_a_folder_with_no_built_site_is_refused(tmp_path):
    with pytest.raises(publish.PublishError, match="no built site"):
        publish.publish(tmp_path, "s3://archive/news")
