"""The download box (overrides/partials/downloads.html) on pages whose front matter has `downloads: true`:
the offline edition and the page's language's handbook, each with its size in the reader's words.

The files are the ones `make publish` makes (`kyc-handbook`, `kyc-offline`) into the folder the
plugin's `downloads` option names (mkdocs.yml sets it from KYC_DOWNLOADS); the build copies them into the site's downloads/ and the box links only those
that are there. A copy built without them (`make build`) shows no box, so no link that fails. The
offline edition carries the handbooks, never itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from keep_your_cool.model.site import Site

OFFLINE_EDITION = "keep-your-cool-offline.zip"
FOLDER = "downloads"


def handbook(locale: str) -> str:
    return f"keep-your-cool-{locale}.pdf"


def available(folder: Path | None, site: Site, offline_edition: bool) -> dict[str, int]:
    """The files this build publishes in downloads/ (those in `folder`), by name, with their size in bytes."""
    if not folder or not folder.is_dir():
        return {}
    names = {handbook(locale) for locale in site.locales}
    if not offline_edition:  # the offline edition holds the handbooks, not itself
        names.add(OFFLINE_EDITION)
    return {name: (folder / name).stat().st_size for name in sorted(names) if (folder / name).is_file()}


def size_label(size: int, words: dict[str, str]) -> str:
    """A file's size as its reader writes it: '2.4 MB', '2,4 Mo', '830 kB'."""
    if size >= 1_000_000:
        number, template = f"{size / 1_000_000:.1f}", words["downloads_size_mb"]
    else:
        number, template = f"{max(1, round(size / 1000))}", words["downloads_size_kb"]
    return template.replace("{size}", number.replace(".", words["decimal_mark"]))


def download_box(files: dict[str, int], site: Site, locale: str, words: dict[str, str]) -> dict | None:
    """What overrides/partials/downloads.html shows, in the page's language; None when there is nothing to link."""
    links = []
    if OFFLINE_EDITION in files:
        links.append({"file": OFFLINE_EDITION, "label": words["downloads_offline"], "how": words["downloads_offline_how"]})
    if handbook(locale) in files:
        label = words["downloads_handbook"].replace("{language}", site.language(locale).name)
        links.append({"file": handbook(locale), "label": label, "hreflang": locale})
    for link in links:
        link["size"] = size_label(files[link["file"]], words)
    return {"folder": FOLDER, "words": words, "links": links} if links else None


def publish(files: dict[str, int], folder: Path, site_dir: Path) -> None:
    """Copy the files into the site's downloads/, once every language is built."""
    if files:
        target = site_dir / FOLDER
        target.mkdir(exist_ok=True)
        for name in files:
            shutil.copyfile(folder / name, target / name)
