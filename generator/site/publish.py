"""Publish a built site to an S3-compatible object store: a home for an archive past what GitHub
Pages holds (AWS S3, Aliyun OSS, Tencent COS, Cloudflare R2, MinIO).

The store is named `s3://BUCKET/PREFIX`; its endpoint and credentials come from the variables
every S3 tool reads (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION
or the AWS config files), through boto3. Only what changed is sent: a file whose MD5 is the
stored object's ETag (what a single-part upload's ETag is) stays. The new files go up before the
pages that link them (HTML last), and what the site no longer has is deleted only after every
new file is in place: a reader in mid-publish meets the old site or the new, never a link to
nothing.
"""
from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path

TARGET = re.compile(r"^s3://([a-z0-9][a-z0-9.\-]{1,61}[a-z0-9])(?:/(.*))?$")
DELETE_BATCH = 1000  # keys a DeleteObjects request takes at most

# What each kind of file is served as; text declares its charset (a browser left to guess may
# read UTF-8 Chinese as Latin-1). A .gz download is a gzip file, not a gzip-encoded text.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".xml": "application/xml; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".gz": "application/gzip",
    ".zip": "application/zip", ".woff2": "font/woff2", ".png": "image/png", ".ico": "image/x-icon",
}


class PublishError(Exception):
    pass


@dataclass
class Published:
    uploaded: list[str] = field(default_factory=list)
    kept: int = 0
    deleted: list[str] = field(default_factory=list)


def parse_target(target: str) -> tuple[str, str]:
    """'s3://bucket/some/prefix' -> ('bucket', 'some/prefix/'); the prefix may be empty."""
    match = TARGET.match(target)
    if not match:
        raise PublishError(f"{target!r}: not s3://BUCKET or s3://BUCKET/PREFIX")
    prefix = (match.group(2) or "").strip("/")
    return match.group(1), f"{prefix}/" if prefix else ""


def content_type(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _order(rel: str) -> tuple[int, str]:
    """Assets and data before the pages that link them, the sitemap and the home page last."""
    if rel in ("index.html", "sitemap.xml"):
        return 2, rel
    return (1 if rel.endswith(".html") else 0), rel


def publish(site: Path, target: str, client=None) -> Published:
    """Upload `site` to `target`, send what changed, then delete what it no longer has."""
    if not (site / "index.html").is_file():
        raise PublishError(f"{site}: no built site here (no index.html); build it first")
    bucket, prefix = parse_target(target)
    if client is None:
        try:
            import boto3
        except ImportError:
            raise PublishError("publishing needs boto3: pip install -e '.[publish]'") from None
        client = boto3.client("s3")
    stored: dict[str, str] = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            stored[item["Key"]] = item["ETag"].strip('"')
    files = sorted((p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()), key=_order)
    done = Published()
    for rel in files:
        data = (site / rel).read_bytes()
        key = prefix + rel
        if stored.get(key) == hashlib.md5(data).hexdigest():
            done.kept += 1
            continue
        client.put_object(Bucket=bucket, Key=key, Body=data, ContentType=content_type(rel))
        done.uploaded.append(rel)
    gone = sorted(set(stored) - {prefix + rel for rel in files})
    for start in range(0, len(gone), DELETE_BATCH):
        batch = gone[start:start + DELETE_BATCH]
        answer = client.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True})
        if answer.get("Errors"):
            first = answer["Errors"][0]
            raise PublishError(f"s3://{bucket}/{first['Key']}: not deleted ({first.get('Message', first.get('Code'))}); "
                               "the new site is in place, the old files are left")
    done.deleted = [key[len(prefix):] for key in gone]
    return done
