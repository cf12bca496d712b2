"""Screenshot pages of a built site in Debian's Chromium: a quick look for humans.

Usage: python scripts/screenshot.py SITE_DIR OUT_DIR PAGE [PAGE...]
(pages relative to SITE_DIR, e.g. index.html, or a view of a single-file export,
e.g. 'contoh.html#/harga/hpp/'; phone 360 px and desktop 1280 px)
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    """Take the screenshots named on the command line."""
    site, out, *pages = sys.argv[1:]
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for width, name in ((360, "phone"), (1280, "desktop")):
            page = browser.new_page(viewport={"width": width, "height": 800})
            for rel in pages:
                path, hashmark, view = rel.partition("#")
                page.goto((Path(site).resolve() / path).as_uri() + hashmark + view)
                page.wait_for_timeout(100)
                shot = Path(out) / f"{re.sub(r'[^A-Za-z0-9.-]+', '_', rel)}.{name}.png"
                page.screenshot(path=str(shot), full_page=True)
                print(shot)
        browser.close()


if __name__ == "__main__":
    main()
