#!/usr/bin/env python3
"""Write every corpus file in every degrade.py layout into a cache, in one process.

Usage: degrade_all.py TOOLS_DIR CORPUS_DIR CACHE_DIR [--verify N]   (--help for more)

Why one process: calling `degrade.py MODE FILE OUT` 664 x 7 times costs a Python start-up each
time (minutes on a shared 2-core machine); importing its functions once costs nothing. The bytes
written are exactly those `degrade.py MODE FILE OUT` writes (GB18030 for `gb18030`, UTF-8
otherwise), because the same functions and the same encode step are used.

Layout of the cache: CACHE_DIR/<mode>/<path relative to CORPUS_DIR, `.md` replaced by `.txt`>.
The degraded files are not Markdown, so they do not carry the `.md` extension: a reader that
looked at extensions must not be told they are.

The cache is rebuilt only when a stamp (SHA-256 of degrade.py, of this script and of the sorted
list of corpus files with their sizes and modification times) changes.

`--verify N` also runs `degrade.py` itself as a subprocess on N files (spread over the corpus) in
every mode and checks that the cached bytes are identical: the guarantee above, tested.
"""
import argparse
import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

MODES = ["plain", "wrap", "oneline", "nospace", "toc", "gb18030", "crlf"]
STAMP = "stamp.txt"


def load_degrade(tools_dir: Path):
    path = tools_dir / "degrade.py"
    if not path.is_file():
        sys.exit(f"degrade_all: {path}: no such file (give the directory that holds degrade.py)")
    spec = importlib.util.spec_from_file_location("degrade", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    missing = [m for m in MODES if m not in module.MODES]
    if missing:
        sys.exit(f"degrade_all: {path}: modes {missing} are missing from its MODES table")
    return module, path


def corpus_files(corpus_dir: Path):
    files = sorted(p.relative_to(corpus_dir) for p in corpus_dir.rglob("*.md") if p.is_file())
    if not files:
        sys.exit(f"degrade_all: {corpus_dir}: no .md files found")
    return files


def cache_name(rel: Path) -> Path:
    return rel.with_suffix(".txt")


def encoded(module, mode: str, md_text: str) -> bytes:
    # The same two steps as degrade.main(): the mode's function, then the mode's encoding.
    out = module.MODES[mode](md_text)
    return out.encode("gb18030" if mode == "gb18030" else "utf-8")


def stamp_of(degrade_path: Path, corpus_dir: Path, files) -> str:
    h = hashlib.sha256()
    h.update(degrade_path.read_bytes())
    h.update(Path(__file__).read_bytes())
    for rel in files:
        st = (corpus_dir / rel).stat()
        h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def build(module, corpus_dir: Path, cache_dir: Path, files):
    for rel in files:
        src = corpus_dir / rel
        try:
            md_text = src.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            sys.exit(f"degrade_all: {src}: cannot read as UTF-8 ({e})")
        for mode in MODES:
            out = cache_dir / mode / cache_name(rel)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(encoded(module, mode, md_text))


def verify(degrade_path: Path, corpus_dir: Path, cache_dir: Path, files, n: int) -> int:
    """Runs degrade.py as a subprocess on n files spread over the corpus; returns mismatches."""
    step = max(1, len(files) // max(1, n))
    picked = files[::step][:n]
    bad = 0
    for rel in picked:
        for mode in MODES:
            expected = subprocess.run(
                [sys.executable, str(degrade_path), mode, str(corpus_dir / rel)],
                check=True, capture_output=True).stdout
            got = (cache_dir / mode / cache_name(rel)).read_bytes()
            if got != expected:
                bad += 1
                print(f"degrade_all: MISMATCH {mode} {rel}", file=sys.stderr)
    print(f"degrade_all: verified {len(picked)} files x {len(MODES)} modes against degrade.py, "
          f"{bad} mismatches")
    return bad


def main(argv):
    parser = argparse.ArgumentParser(
        description="Write every corpus file in every degrade.py layout into a cache.")
    parser.add_argument("tools_dir", type=Path, help="the directory that holds degrade.py")
    parser.add_argument("corpus_dir", type=Path, help="the lawref-dev directory")
    parser.add_argument("cache_dir", type=Path, help="where the degraded copies go")
    parser.add_argument("--verify", type=int, default=0, metavar="N",
                        help="also check N files against degrade.py run as a subprocess")
    args = parser.parse_args(argv)
    tools_dir, corpus_dir, cache_dir, n_verify = (
        args.tools_dir, args.corpus_dir, args.cache_dir, args.verify)
    if not corpus_dir.is_dir():
        sys.exit(f"degrade_all: {corpus_dir}: not a directory")
    module, degrade_path = load_degrade(tools_dir)
    files = corpus_files(corpus_dir)
    stamp = stamp_of(degrade_path, corpus_dir, files)
    stamp_path = cache_dir / STAMP
    if stamp_path.is_file() and stamp_path.read_text().strip() == stamp:
        print(f"degrade_all: cache {cache_dir} is up to date ({len(files)} files x {len(MODES)} modes)")
    else:
        # Remove the stamp first: an interrupted build must not look complete.
        if stamp_path.exists():
            stamp_path.unlink()
        build(module, corpus_dir, cache_dir, files)
        stamp_path.write_text(stamp + "\n")
        print(f"degrade_all: wrote {len(files)} files x {len(MODES)} modes into {cache_dir}")
    if n_verify and verify(degrade_path, corpus_dir, cache_dir, files, n_verify):
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
