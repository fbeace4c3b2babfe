"""Screenshots of the demo as a reader sees it, on a desktop and on a phone (issue 12).

    .venv/bin/python tests/browser/screenshots.py [--site DIR] [--out DIR] [--full]

Builds the repository's demo (or takes a built site), serves it under a sub-path as GitHub
Pages would, and saves one PNG per page and width, 1280 px (desktop) and 375 px (phone),
in Debian's chromium with no request leaving the machine: the home page, a French and a
German article, the glossary, an entity page (Nvidia), /timeline/ and /search/?q=Nvidia.
`--full` takes whole pages rather than the first two screens. Output goes to
benchmarks/out/screenshots/ (ignored by git); the page heights are printed, to compare runs.

Not a test: run it by hand and look at the pictures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SUB_PATH  # noqa: E402
from tests.conftest import copy_demo, mkdocs_build  # noqa: E402
from tests.sitecheck import serve  # noqa: E402

WIDTHS = {"desktop": (1280, 800), "phone": (375, 740)}
PAGES = {
    "home": "",
    "article-fr": "2025/09/nvidia-prevoit-d-investir-*/",
    "article-de": "2025/09/nvidia-steigt-*/",
    "glossary": "entities/",
    "entity-nvidia": "entities/nvidia/",
    "timeline": "timeline/",
    "search-nvidia": "search/?q=Nvidia",
}


def build_demo(folder: Path) -> Path:
    result = mkdocs_build(copy_demo(folder))
    if result.returncode != 0:
        sys.exit(result.stderr)
    return folder / "site"


def resolve(site: Path, path: str) -> str:
    """A page's path, its `*` matched against the built site (slugs may change)."""
    if "*" not in path:
        return path
    found = sorted(site.glob(path.rstrip("/") + "/index.html"))
    if not found:
        sys.exit(f"no page matches {path} in {site}")
    return found[0].parent.relative_to(site).as_posix() + "/"


def shoot(site: Path, out: Path, full: bool) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with serve(site, SUB_PATH) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        local = base.removesuffix(SUB_PATH)
        outside: list[str] = []
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                is_mobile=device == "phone",
                has_touch=device == "phone",
                device_scale_factor=1,
            )
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(local)
                    else (outside.append(route.request.url), route.abort())
                ),
            )
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base + resolve(site, path), wait_until="networkidle")
                page.wait_for_timeout(300)
                tall = page.evaluate("document.documentElement.scrollHeight")
                target = out / f"{name}-{device}.png"
                if full:
                    page.screenshot(path=target, full_page=True)
                else:
                    page.set_viewport_size({"width": width, "height": min(tall, 2 * height)})
                    page.screenshot(path=target)
                    page.set_viewport_size({"width": width, "height": height})
                print(
                    f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
                    f"  {tall} px tall"
                )
            context.close()
        browser.close()
    if outside:
        print("requests to other hosts (blocked):", *sorted(set(outside)), sep="\n  ")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "screenshots")
    parser.add_argument("--full", action="store_true", help="whole pages, not two screens")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing: install Debian's chromium")
    if args.site:
        shoot(args.site, args.out, args.full)
        return
    with tempfile.TemporaryDirectory() as folder:
        shoot(build_demo(Path(folder)), args.out, args.full)


if __name__ == "__main__":
    main()
