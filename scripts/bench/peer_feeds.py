#!/usr/bin/env python3
"""Converts a corpus of record files into the peers' formats: one sfeed TSV file and one Atom feed.

Usage: peer_feeds.py CORPUS --out DIR

Every record file under CORPUS (the reader's suffixes, hidden names skipped, depth first in name order)
is read with PyYAML and becomes one line of DIR/newsbench (sfeed's TSV, see sfeed(5), for sfeed_curses;
newest first, as sfeed_update keeps a feed file) and one entry of DIR/newsbench.atom (for newsboat, through
a file:// URL; in the corpus's order, newsboat sorts on its own):

  sfeed field     from the record
  timestamp       publishedDateTime as a UNIX time (UTC), empty when missing or unreadable
  title           title
  link            the first http(s) URL of originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl (the reader's rule)
  content         body, else excerpt; content-type "plain" when there is content
  id              a tag URI made of the file's path under CORPUS (unique, so no peer merges two records)
  author          provider.name
  enclosure       empty
  category        the topics, separated by '|'

The TSV is escaped as sfeed itself writes it: for every field leading and trailing whitespace is trimmed;
title, link, id, author and each category turn any whitespace into a space and drop other control
characters; content escapes TAB, newline and backslash as \\t, \\n and \\\\ and drops other control
characters. (sfeed works on bytes in the C locale: only ASCII counts as whitespace or control.) The Atom
feed carries the same text, XML-escaped, with the characters XML 1.0 cannot hold dropped.

DIR is a cache: a `.complete` marker names the converter's hash and the corpus's fingerprint (files,
bytes, newest modification time, from stat only: nothing in CORPUS is written or linked), and a second
run with the same ones returns at once. Prints one JSON object: {"tsv", "atom", "records", "unreadable",
"cached", "seconds"}, or {"missing": reason} without PyYAML.
"""

import argparse
import datetime
import hashlib
import json
import os
import sys
import time

RECORD_SUFFIXES = (".txt", ".md", ".yaml", ".yml")
LINK_FIELDS = ("originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl")
TSV_NAME = "newsbench"
ATOM_NAME = "newsbench.atom"
C_SPACE = " \t\n\v\f\r"


def record_paths(root):
    """The record files under `root`, found the way the reader finds them."""
    paths = []
    with os.scandir(root) as entries:
        listed = sorted((entry.name, entry.is_dir()) for entry in entries if not entry.name.startswith("."))
    for name, is_directory in listed:
        path = os.path.join(root, name)
        if is_directory:
            paths.extend(record_paths(path))
        elif name.endswith(RECORD_SUFFIXES):
            paths.append(path)
    return paths


def fingerprint(paths):
    """Files, bytes and the newest modification time: what changes when the corpus does."""
    size = newest = 0
    for path in paths:
        info = os.stat(path)
        size += info.st_size
        newest = max(newest, info.st_mtime_ns)
    return {"files": len(paths), "bytes": size, "newest_mtime_ns": newest}


def is_control(character):
    return ord(character) < 0x20 or ord(character) == 0x7F


def trimmed(text):
    """sfeed's printtrimmed: trim, any whitespace to a space, other control characters dropped."""
    return "".join(
        " " if character in C_SPACE else character
        for character in text.strip(C_SPACE)
        if character in C_SPACE or not is_control(character)
    )


def encoded(text):
    """sfeed's string_print_encoded: trim, escape TAB, newline and backslash, drop other control characters."""
    escapes = {"\t": "\\t", "\n": "\\n", "\\": "\\\\"}
    return "".join(
        escapes.get(character, character)
        for character in text.strip(C_SPACE)
        if character in escapes or not is_control(character)
    )


def xml_text(text, attribute=False):
    """Text for an XML 1.0 element or attribute: escaped, without the characters XML cannot hold, and with
    the whitespace a parser would normalize (CR in text; TAB, LF, CR in attributes) as character references."""
    kept = "".join(
        character
        for character in text
        if character in "\t\n\r"
        or "\x20" <= character <= "\ud7ff"
        or "\ue000" <= character <= "\ufffd"
        or character >= "\U00010000"
    )
    escaped = kept.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    escaped = escaped.replace("\r", "&#13;")
    if attribute:
        escaped = escaped.replace("\t", "&#9;").replace("\n", "&#10;")
    return escaped


def string(value):
    """A scalar as text (PyYAML types unquoted numbers and booleans); anything else is no text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return ""


def timestamp(value):
    """publishedDateTime as a UNIX time, or None (PyYAML gives datetimes for unquoted dates)."""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            try:
                value = datetime.date.fromisoformat(value.strip())
            except ValueError:
                return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return int(value.timestamp())
    if isinstance(value, datetime.date):
        return int(datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc).timestamp())
    return None


def link(record):
    for field in LINK_FIELDS:
        value = string(record.get(field)).strip()
        if value.lower().startswith(("http://", "https://")):
            return value
    return ""


def entry(record, relative_path):
    """The fields both formats are written from, as plain text."""
    provider = record.get("provider")
    topics = record.get("topics")
    content = string(record.get("body")) or string(record.get("excerpt"))
    return {
        "timestamp": timestamp(record.get("publishedDateTime")),
        "title": string(record.get("title")),
        "link": link(record),
        "content": content,
        "id": "tag:newsbench,2024:" + relative_path,
        "author": string(provider.get("name")) if isinstance(provider, dict) else "",
        "topics": [string(topic) for topic in topics if string(topic)] if isinstance(topics, list) else [],
    }


def tsv_line(fields):
    """One item in sfeed's TSV format (without the newline)."""
    content = encoded(fields["content"])
    return "\t".join(
        (
            "" if fields["timestamp"] is None else str(fields["timestamp"]),
            trimmed(fields["title"]),
            trimmed(fields["link"]),
            content,
            "plain" if content else "",
            trimmed(fields["id"]),
            trimmed(fields["author"]),
            "",
            "|".join(trimmed(topic) for topic in fields["topics"]),
        )
    )


def rfc3339(seconds):
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_entry(fields, fallback_time):
    when = rfc3339(fields["timestamp"] if fields["timestamp"] is not None else fallback_time)
    parts = [
        "<entry>",
        f"<title>{xml_text(fields['title'])}</title>",
        f"<id>{xml_text(fields['id'])}</id>",
        f"<updated>{when}</updated>",
        f"<published>{when}</published>",
    ]
    if fields["link"]:
        parts.append(f'<link rel="alternate" href="{xml_text(fields["link"], attribute=True)}"/>')
    if fields["author"]:
        parts.append(f"<author><name>{xml_text(fields['author'])}</name></author>")
    for topic in fields["topics"]:
        parts.append(f'<category term="{xml_text(topic, attribute=True)}"/>')
    if fields["content"]:
        parts.append(f"<summary>{xml_text(fields['content'])}</summary>")
    parts.append("</entry>\n")
    return "".join(parts)


def convert(corpus, paths, out, yaml):
    """Writes both files into `out` (each through a temporary name); returns (records, unreadable files)."""
    os.makedirs(out, exist_ok=True)
    tsv_path, atom_path = os.path.join(out, TSV_NAME), os.path.join(out, ATOM_NAME)
    records = unreadable = 0
    lines = []
    # A fixed time for the feed and for entries without a date, so the same corpus gives the same files.
    feed_time = 0
    with open(tsv_path + ".tmp", "w", encoding="utf-8", newline="\n") as tsv, open(
        atom_path + ".tmp", "w", encoding="utf-8", newline="\n"
    ) as atom:
        atom.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n')
        atom.write(f"<title>newsbench</title>\n<id>tag:newsbench,2024:feed</id>\n<updated>{rfc3339(feed_time)}</updated>\n")
        for path in paths:
            try:
                with open(path, "rb") as handle:
                    documents = [d for d in yaml.load_all(handle.read(), Loader=yaml.CSafeLoader) if d is not None]
            except (OSError, yaml.YAMLError, UnicodeDecodeError):
                unreadable += 1
                continue
            relative = os.path.relpath(path, corpus)
            for index, document in enumerate(documents):
                if not isinstance(document, dict):
                    continue
                fields = entry(document, relative if index == 0 else f"{relative}#{index}")
                lines.append((fields["timestamp"], tsv_line(fields)))
                atom.write(atom_entry(fields, feed_time))
                records += 1
        atom.write("</feed>\n")
        # Newest first, undated last, as sfeed_update leaves a feed file (newsboat sorts on its own).
        lines.sort(key=lambda line: (line[0] is None, -(line[0] or 0)))
        for _, line in lines:
            tsv.write(line + "\n")
    os.replace(tsv_path + ".tmp", tsv_path)
    os.replace(atom_path + ".tmp", atom_path)
    return records, unreadable


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    try:
        import yaml

        yaml.CSafeLoader  # noqa: B018 - only present when PyYAML was built with libyaml
    except (ImportError, AttributeError):
        print(json.dumps({"missing": "PyYAML with libyaml (yaml.CSafeLoader) is not installed"}))
        return 0
    corpus = os.path.abspath(args.corpus)
    out = os.path.abspath(args.out)
    if out == corpus or out.startswith(corpus + os.sep):
        print(json.dumps({"error": "the output directory must not be inside the corpus"}))
        return 2
    started = time.monotonic()
    with open(__file__, "rb") as handle:
        converter = hashlib.sha256(handle.read()).hexdigest()[:16]
    marker = os.path.join(out, ".complete")
    paths = record_paths(corpus)
    expected = {"converter": converter, "corpus": fingerprint(paths)}
    answer = {"tsv": os.path.join(out, TSV_NAME), "atom": os.path.join(out, ATOM_NAME)}
    try:
        with open(marker, encoding="utf-8") as handle:
            kept = json.load(handle)
        if kept.get("converter") == expected["converter"] and kept.get("corpus") == expected["corpus"]:
            answer.update(records=kept["records"], unreadable=kept["unreadable"], cached=True)
            answer["seconds"] = time.monotonic() - started
            print(json.dumps(answer))
            return 0
    except (OSError, ValueError, KeyError):
        pass
    try:
        os.remove(marker)
    except FileNotFoundError:
        pass
    records, unreadable = convert(corpus, paths, out, yaml)
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump({**expected, "records": records, "unreadable": unreadable}, handle)
    answer.update(records=records, unreadable=unreadable, cached=False, seconds=time.monotonic() - started)
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
