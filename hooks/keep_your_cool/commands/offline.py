"""The offline edition: the whole site, every language, in one zip to unzip and open (file://).

    kyc-offline dist     (make offline: dist/keep-your-cool-offline.zip)

Builds with Material's offline plugin on (KYC_OFFLINE=true, see mkdocs.yml and
hooks/keep_your_cool/features/offline_edition.py) into a temporary folder, and zips it under one folder,
keep-your-cool/, whose index.html is the English home page.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from keep_your_cool.features.downloads import OFFLINE_EDITION

ROOT = Path.cwd()  # the project the command runs in: the Makefile runs every command at its top
FOLDER = "keep-your-cool"


def build(site_dir: Path) -> None:
    """The real strict build of the offline edition into site_dir; a failed build stops with its output."""
    env = {**os.environ, "KYC_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"The offline edition did not build:\n{result.stderr}")


def zip_folder(site_dir: Path, archive: Path) -> None:
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            zf.write(file, f"{FOLDER}/{file.relative_to(site_dir).as_posix()}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    archive = ROOT / (argv[0] if argv else "dist") / OFFLINE_EDITION
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / FOLDER)
        zip_folder(Path(tmp) / FOLDER, archive)
    print(f"{archive}: {archive.stat().st_size // 1024} KiB; unzip it and open {FOLDER}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
