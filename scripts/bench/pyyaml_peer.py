#!/usr/bin/env python3
"""The benchmark's peer: PyYAML's libyaml-backed CSafeLoader loading every record file under DIR.

Times itself (directory walk, read, parse and build Python objects, like the reader's own load) and
prints one JSON object on stdout: {"seconds": [...], "files": F, "documents": D}, or
{"missing": "..."} when PyYAML or its libyaml binding is not installed, so that a machine without
them reports "not measured" instead of failing.

Usage: pyyaml_peer.py DIR [--repetitions N]
"""

import argparse
import json
import os
import sys
import time

RECORD_SUFFIXES = (".txt", ".md", ".yaml", ".yml")


def load_all(root, yaml):
    files = 0
    documents = 0
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            if not name.endswith(RECORD_SUFFIXES):
                continue
            with open(os.path.join(directory, name), "rb") as handle:
                data = handle.read()
            files += 1
            # The trailing `---` of the seed format opens an empty second document.
            documents += sum(1 for document in yaml.load_all(data, Loader=yaml.CSafeLoader) if document is not None)
    return files, documents


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--repetitions", type=int, default=1)
    args = parser.parse_args()
    try:
        import yaml

        yaml.CSafeLoader  # noqa: B018 - only present when PyYAML was built with libyaml
    except (ImportError, AttributeError):
        print(json.dumps({"missing": "PyYAML with libyaml (yaml.CSafeLoader) is not installed"}))
        return
    seconds = []
    files = documents = 0
    for _ in range(args.repetitions):
        started = time.perf_counter()
        files, documents = load_all(args.directory, yaml)
        seconds.append(time.perf_counter() - started)
    print(json.dumps({"seconds": seconds, "files": files, "documents": documents, "pyyaml": yaml.__version__}))


if __name__ == "__main__":
    sys.exit(main())
