#!/usr/bin/env python3
"""Check the links and resources of a built CongKhai site (standard library only).

The site must work when opened from file:// and must load nothing from another host.
Four parts, each printing "OK: ..." or "LỖI/FAIL: ..." with one line per problem:

  links     every internal href/src/srcset/poster/action/data (and url() in CSS) points to
            a file in DIR, resolved relative to the page; a link to a folder is broken
            (file:// shows no index.html), as are root-relative "/x" and "//host" links;
            a fragment "#x" must be an id in the target page.
  hosts     no resource (img, script, iframe, source, video, audio, object, embed,
            link rel=stylesheet/icon/preload/..., SVG use/image, url()/@import in .css
            files, <style> and style attributes) comes from another host or from a
            protocol-relative "//" URL. Plain <a href="https://..."> links are allowed.
  scripts   no .js file (nor inline <script>) reaches another host through url(),
            @import, fetch, import, importScripts, XMLHttpRequest, sendBeacon, .src=,
            WebSocket, EventSource or Worker.
  handlers  no inline event handler attribute (on*=) and no javascript: URL in any page.

Exit status: 0 when all parts pass, 1 otherwise.
"""
import argparse
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

URL_ATTRS = {"href", "src", "srcset", "imagesrcset", "poster", "action", "formaction",
             "data", "xlink:href"}
NAV_TAGS = {"a", "area", "form", "button"}  # following them is navigation, not loading
RESOURCE_RELS = {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "preload",
                 "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest"}
HARMLESS_SCHEMES = {"mailto", "tel", "sms", "data", "blob", "about"}
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
ID_ATTR = re.compile(r"""(?<![\w-])id\s*=\s*["']([^"']+)""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_NAMESPACE = re.compile(r"@namespace[^;]*;", re.I)  # namespace URIs are never fetched
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I | re.S)
CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.I)
REMOTE = r"""\s*((?:https?:|wss?:)?//[^'"`\s)]*)"""
Q = r"""['"`]"""
JS_REMOTE = {
    "fetch": re.compile(r"\bfetch\s*\(\s*" + Q + REMOTE),
    "import()": re.compile(r"\bimport\s*\(\s*" + Q + REMOTE),
    "import/export from": re.compile(r"\b(?:import|export)\b[^;'\"`]*?\bfrom\s*['\"]" + REMOTE),
    "import": re.compile(r"\bimport\s*['\"]" + REMOTE),
    "importScripts": re.compile(r"\bimportScripts\s*\(\s*" + Q + REMOTE),
    "XMLHttpRequest.open": re.compile(r"\.open\s*\(\s*" + Q + r"\w+" + Q + r"\s*,\s*" + Q + REMOTE),
    "sendBeacon": re.compile(r"\bsendBeacon\s*\(\s*" + Q + REMOTE),
    "new WebSocket/EventSource/Worker": re.compile(
        r"\bnew\s+(?:WebSocket|EventSource|Worker|SharedWorker)\s*\(\s*" + Q + REMOTE),
    ".src =": re.compile(r"\.src\s*=\s*" + Q + REMOTE),
    "url()": re.compile(r"url\(\s*['\"]?" + REMOTE, re.I),
    "@import": re.compile(r"@import\s+(?:url\(\s*)?['\"]?" + REMOTE, re.I),
}


def srcset_urls(value):
    """The URLs of a srcset list ("a.png 1x, b.png 2x"), parsed as the HTML standard does."""
    urls, pos, n = [], 0, len(value)
    while pos < n:
        while pos < n and (value[pos].isspace() or value[pos] == ","):
            pos += 1
        start = pos
        while pos < n and not value[pos].isspace():
            pos += 1
        url = value[start:pos]
        if url:
            urls.append(url.rstrip(","))
        if url.endswith(","):
            continue
        depth = 0  # skip the descriptors, up to the next comma outside parentheses
        while pos < n and not (value[pos] == "," and depth <= 0):
            depth += {"(": 1, ")": -1}.get(value[pos], 0)
            pos += 1
    return urls


def kind_of(url):
    """internal|empty|external|protocol-relative|root-relative|javascript|file|harmless."""
    url = url.strip()
    if not url:
        return "empty"
    if url.startswith("//"):
        return "protocol-relative"
    match = SCHEME.match(url)
    if match:
        scheme = match.group(1).lower()
        if scheme in ("javascript", "file"):
            return scheme
        return "harmless" if scheme in HARMLESS_SCHEMES else "external"
    return "root-relative" if url.startswith("/") else "internal"


class Page(HTMLParser):
    """Collects ids, URL references, CSS snippets, inline scripts and on* attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs, self.css, self.scripts, self.handlers = set(), [], [], [], []
        self._buf = None  # self.css or self.scripts while inside <style> or inline <script>

    def handle_starttag(self, tag, attrs):
        line, attrs = self.getpos()[0], {name: value or "" for name, value in attrs}
        rels = set(attrs.get("rel", "").lower().split())
        resource = bool(rels & RESOURCE_RELS) if tag == "link" else tag not in NAV_TAGS
        for name, value in attrs.items():
            if name == "id":
                self.ids.add(value)
            elif name == "style":
                self.css.append((line, value))
            elif re.fullmatch(r"on[a-z]+", name):
                self.handlers.append((line, f"<{tag} {name}=...>"))
            elif name in URL_ATTRS:
                for url in srcset_urls(value) if name.endswith("srcset") else [value]:
                    self.refs.append((line, f"<{tag} {name}>", url, resource))
        if tag == "style" or (tag == "script" and not attrs.get("src")):
            self._buf = self.css if tag == "style" else self.scripts
            self._buf.append((line, ""))

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._buf = None

    def handle_data(self, data):
        if self._buf is not None:
            line, text = self._buf[-1]
            self._buf[-1] = (line, text + data)


class Checker:
    def __init__(self, root):
        self.root = os.path.realpath(root)
        self.pages, self.ids = {}, {}  # relative path -> Page, relative path -> set of ids
        self.broken, self.foreign, self.remote_scripts, self.handlers = [], [], [], []
        self.counts = {"internal": 0, "external links": 0, "resources": 0, "404.html root-relative": 0}

    def files(self, *suffixes):
        return sorted(os.path.relpath(os.path.join(folder, name), self.root)
                      for folder, _, names in os.walk(self.root)
                      for name in names if name.endswith(suffixes))

    def read(self, rel):
        with open(os.path.join(self.root, rel), encoding="utf-8", errors="replace") as f:
            return f.read()

    def ids_of(self, rel):
        """The ids of a page (parsed by run) or of another file such as an SVG sprite."""
        if rel not in self.ids:
            self.ids[rel] = set(ID_ATTR.findall(self.read(rel)))
        return self.ids[rel]

    def check_target(self, where, base_rel, url):
        """Checks one internal URL relative to the file base_rel; records a broken link."""
        parts = urlsplit(url.strip())
        path, fragment = unquote(parts.path), parts.fragment
        if path:
            target = os.path.normpath(os.path.join(os.path.dirname(base_rel), path))
            full = os.path.join(self.root, target)
            if target == ".." or target.startswith("../"):
                return self.broken.append(f"{where}: broken link -> {url} (outside the site)")
            if path.endswith("/") or os.path.isdir(full):
                return self.broken.append(f"{where}: broken link -> {url} (a folder: under "
                                          "file:// it needs .../index.html)")
            if not os.path.isfile(full):
                return self.broken.append(f"{where}: broken link -> {url} (no file {target})")
        else:
            target = base_rel
        if fragment and fragment != "top" and target.endswith((".html", ".svg")):
            ids = self.ids_of(target)
            if fragment not in ids and unquote(fragment) not in ids:
                self.broken.append(f"{where}: broken link -> {url} (no id \"{unquote(fragment)}\""
                                   f" in {target})")

    def check_url(self, where, base_rel, url, resource):
        kind = kind_of(url)
        if kind == "javascript":
            self.handlers.append(f"{where}: javascript: URL {url[:60]}")
        elif kind in ("external", "protocol-relative"):
            if resource:
                self.foreign.append(f"{where}: resource from another host -> {url}")
            elif kind == "protocol-relative":
                self.broken.append(f"{where}: broken link -> {url} (protocol-relative: under "
                                   "file:// it becomes file://host/...)")
            else:
                self.counts["external links"] += 1
        elif kind == "root-relative" and where.split(":")[0] == "404.html":
            # A web server answers 404.html for a missing address at any depth: its links start
            # at the site's own root on purpose (issue 17), its stylesheet is inline.
            self.counts["404.html root-relative"] += 1
        elif kind in ("root-relative", "file"):
            self.broken.append(f"{where}: broken link -> {url} (absolute path: breaks under "
                               "file:// or on another machine; use a relative link)")
        elif kind == "empty" and resource:
            self.broken.append(f"{where}: broken link -> empty URL")
        elif kind == "internal":
            self.counts["internal"] += 1
            self.check_target(where, base_rel, url)
        if resource:
            self.counts["resources"] += 1

    def check_css(self, rel, line, css, label=""):
        """Checks url()/@import in CSS that starts on the given line of the file rel."""
        blank = lambda m: re.sub(r"[^\n]", " ", m.group())  # keeps offsets for line numbers
        css = CSS_NAMESPACE.sub(blank, CSS_COMMENT.sub(blank, css))
        found = sorted([*CSS_URL.finditer(css), *CSS_IMPORT.finditer(css)], key=lambda m: m.start())
        for m in found:
            if not m.group(2).strip().startswith("#"):  # url(#id) points into an SVG document
                where = f"{rel}:{line + css.count(chr(10), 0, m.start())}{label}"
                self.check_url(where, rel, m.group(2), resource=True)

    def check_script(self, rel, line, text, label=""):
        found = [(m.start(), name, m.group(1)) for name, pattern in JS_REMOTE.items()
                 for m in pattern.finditer(text)]
        for start, name, url in sorted(found):
            where = f"{rel}:{line + text.count(chr(10), 0, start)}{label}"
            self.remote_scripts.append(f"{where}: {name} reaches another host -> {url}")

    def run(self):
        html_files = self.files(".html", ".htm")
        for rel in html_files:
            self.pages[rel] = Page()
            self.pages[rel].feed(self.read(rel))
            self.ids[rel] = self.pages[rel].ids
        for rel in html_files:
            page = self.pages[rel]
            for line, what, url, resource in page.refs:
                self.check_url(f"{rel}:{line} {what}", rel, url, resource)
            for line, css in page.css:
                self.check_css(rel, line, css, " (inline CSS)")
            for line, script in page.scripts:
                self.check_script(rel, line, script, " (inline <script>)")
            self.handlers += [f"{rel}:{line}: inline event handler {what}"
                              for line, what in page.handlers]
        css_files, js_files = self.files(".css"), self.files(".js", ".mjs")
        for rel in css_files:
            self.check_css(rel, 1, self.read(rel))  # remote url()/@import count as "hosts"
        for rel in js_files:
            self.check_script(rel, 1, self.read(rel))
        return len(html_files), len(css_files), len(js_files)


def report(ok, label, problems):
    print(("OK: " if ok else "LỖI/FAIL: ") + label)
    for problem in problems:
        print("  " + problem)
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", help="the built site (e.g. public/)")
    args = parser.parse_args()
    if not os.path.isdir(args.dir):
        parser.error(f"{args.dir} is not a folder")
    checker = Checker(args.dir)
    n_html, n_css, n_js = checker.run()
    c = checker.counts
    print(f"Scanned {n_html} HTML, {n_css} CSS, {n_js} JS files: {c['internal']} internal "
          f"links, {c['external links']} links to other sites (allowed), "
          f"{c['resources']} resource references.")
    results = [
        report(n_html > 0, f"pages: {n_html} found", [] if n_html else ["no .html files"]),
        report(not checker.broken, f"links: {len(checker.broken)} broken", checker.broken),
        report(not checker.foreign, f"hosts: {len(checker.foreign)} resources from another host"
               f" in {n_html} HTML and {n_css} CSS files", checker.foreign),
        report(not checker.remote_scripts, f"scripts: {len(checker.remote_scripts)} remote "
               f"references in {n_js} JS files and inline scripts",
               checker.remote_scripts),
        report(not checker.handlers, f"handlers: {len(checker.handlers)} inline event handlers"
               " or javascript: URLs", checker.handlers),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
