"""What every journey's browser checks on each page it reaches: the accessibility rules of WCAG 2.2 AA with
axe-core (the npm package, evaluated in the page), nothing written to the console as an error (a script that
failed, a style or script the content security policy refused), and no sideways scrolling on a phone.

A journey moves only as a person would, through `Visitor`: following links, pressing buttons, typing into
labelled fields. Every page it lands on is checked once per address, method and main heading: a page answering a
form sent (the form back with its errors, a "Cancel your booking?" question, a thank-you page redirected to the
form's own address) is a page of its own and is checked too, though its address is the form's. Signing in or out
starts afresh: the same address shows another person another page."""

import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

AXE_SOURCE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SERIOUS = {"serious", "critical"}
CSP_REFUSAL = "Refused by the content security policy:"
CHROMIUM_CSP_LINE = "violates the following Content Security Policy directive"


def axe_source():
    if not AXE_SOURCE.exists():
        raise RuntimeError(f"{AXE_SOURCE} is missing: `make test` installs it (npm ci).")
    return AXE_SOURCE.read_text()


@dataclass
class PageProblems:
    """What was wrong with the pages a journey passed, by address; empty when every page passed."""

    accessibility: dict = field(default_factory=dict)
    console: list = field(default_factory=list)
    sideways: dict = field(default_factory=dict)

    def __bool__(self):
        return bool(self.accessibility or self.console or self.sideways)

    def __str__(self):
        lines = []
        for url, violations in self.accessibility.items():
            for violation in violations:
                lines.append(f"{url}: {violation}")
        lines += [f"console: {message}" for message in self.console]
        lines += [
            f"{url}: {width} px wide on a {PHONE['width']} px phone ({culprit})"
            for url, (width, culprit) in self.sideways.items()
        ]
        return "\n".join(lines)


# The element that sticks out furthest on the right at phone width: the one to fix when a page scrolls sideways.
WIDEST_ELEMENT = """() => {
  const limit = document.documentElement.clientWidth;
  let worst = null, right = limit;
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > right + 0.5 && box.width > 0) {
      let hidden = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflow = getComputedStyle(up).overflowX;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') { hidden = true; break; }
      }
      if (!hidden) { right = box.right; worst = el; }
    }
  }
  if (!worst) return '';
  const named = worst.className && typeof worst.className === 'string';
  const cls = named ? '.' + worst.className.trim().split(/\\s+/).join('.') : '';
  return worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') + cls;
}"""


class Visitor:
    """A person at a browser: a Playwright page, with every page they reach checked."""

    def __init__(self, page, live_server_url):
        self.page = page
        self.base = live_server_url
        self.problems = PageProblems()
        self.checked = set()
        self.method = "GET"  # of the request that brought the page now shown (after any redirect)
        self._axe = axe_source()
        page.set_viewport_size(DESKTOP)
        page.on("console", self._console)
        page.on("request", self._navigating)
        page.on("pageerror", lambda error: self.problems.console.append(f"{self.page.url}: {error}"))
        # Each content security policy refusal, with where it came from (which Chromium's own console line does
        # not say). A refusal with no source file comes from a script the test evaluated, not from the product:
        # axe-core adds a <style> element of its own while it measures, which the policy rightly refuses.
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', (e) => { if (e.sourceFile) console.error("
            "`${CSP_REFUSAL} ${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`); });".replace(
                "${CSP_REFUSAL}", CSP_REFUSAL
            )
        )

    def _navigating(self, request):
        if request.is_navigation_request() and request.frame == self.page.main_frame:
            self.method = request.method

    def _console(self, message):
        if message.type == "error" and CHROMIUM_CSP_LINE not in message.text:
            self.problems.console.append(f"{self.page.url}: {message.text}")

    # Moving: only what a person does.
    def open_home(self):
        """The one address typed: the site's front page, as a bookmark or a search result would open it."""
        self.page.goto(self.base + "/")
        return self.landed()

    def follow(self, name, *, exact=False, within=None):
        """Clicks the link with this accessible name (the first, or the one inside `within`)."""
        scope = within if within is not None else self.page
        with self.page.expect_navigation():
            scope.get_by_role("link", name=name, exact=exact).first.click()
        return self.landed()

    def press(self, name, *, exact=False, within=None):
        """Presses the button with this accessible name and waits for the page it leads to."""
        scope = within if within is not None else self.page
        with self.page.expect_navigation():
            scope.get_by_role("button", name=name, exact=exact).first.click()
        return self.landed()

    def click(self, name, *, exact=False, within=None):
        """Presses a button that changes the page in place (a script's: marks, shows, adds), not one that sends it."""
        (within if within is not None else self.page).get_by_role("button", name=name, exact=exact).first.click()

    def menu(self, menu, name, *, exact=False):
        """Opens the menu bar's drop-down `menu` and follows its link `name`."""
        bar = self.page.get_by_role("navigation", name="Main")
        toggler = bar.get_by_role("button", name="Show menu")
        if toggler.is_visible():  # a narrow window folds the bar behind its menu button
            toggler.click()
        bar.get_by_role("button", name=menu, exact=True).click()
        return self.follow(name, exact=exact, within=bar)

    def go_home(self):
        """Clicks the partnership's name at the start of the menu bar."""
        with self.page.expect_navigation():
            self.page.get_by_role("navigation", name="Main").get_by_role("link").first.click()
        return self.landed()

    # Typing and choosing, in the field with this label (the first, or the one inside `within`: a fieldset or a
    # card, where each part of a form has fields of the same names).
    def fill(self, label, value, *, exact=False, within=None):
        (within if within is not None else self.page).get_by_label(label, exact=exact).fill(str(value))

    def choose(self, label, option, *, exact=False, within=None):
        (within if within is not None else self.page).get_by_label(label, exact=exact).select_option(label=option)

    def tick(self, label, *, exact=False, within=None):
        (within if within is not None else self.page).get_by_label(label, exact=exact).check()

    def attach(self, label, name, content, *, exact=False, within=None):
        """Chooses a file (`name`, with these bytes) in the file field with this label, as from the file picker."""
        upload = {
            "name": name,
            "mimeType": mimetypes.guess_type(name)[0] or "application/octet-stream",
            "buffer": content,
        }
        (within if within is not None else self.page).get_by_label(label, exact=exact).set_input_files(upload)

    def choose_answer(self, question, answer, *, exact=True):
        """Picks the radio button `answer` in the group of buttons labelled `question` (its fieldset's legend),
        for forms that ask the same scale (1 to 5, yes or no) of several questions."""
        self.page.get_by_role("group", name=question).get_by_label(answer, exact=exact).check()

    def disclose(self, name):
        """Opens the folded part (`<details>`) whose summary says this, as a person clicks it; returns that part,
        to fill the form inside it."""
        details = self.page.locator("details", has=self.page.locator("summary", has_text=name)).first
        if details.get_attribute("open") is None:
            details.locator("summary").first.click()
        return details

    def form(self, button):
        """The form holding the button with this name: where to fill when a page has several forms alike."""
        return self.page.locator("form", has=self.page.get_by_role("button", name=button, exact=True)).first

    def heading(self):
        return self.page.get_by_role("heading", level=1).inner_text().strip()

    def sign_in(self, username, password):
        self.follow("Sign in", exact=True)
        self.fill("User name", username)
        self.fill("Password", password)
        self.checked.clear()  # the same addresses show another person other pages
        return self.press("Sign in", exact=True)

    def sign_out(self):
        self.checked.clear()
        return self.press("Sign out")

    # The keyboard alone: what a person who cannot use a mouse does.
    def tab_to(self, name, *, role, exact=False, limit=150):
        """Presses Tab, as a keyboard user moves through a page, until an element with this role and accessible
        name has the focus; fails if `limit` presses never reach it. Returns the focused element."""
        targets = self.page.get_by_role(role, name=name, exact=exact)
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if targets.evaluate_all("(els) => els.includes(document.activeElement)"):
                return self.page.locator(":focus")
        raise AssertionError(f"{limit} presses of Tab never reached the {role} {name!r} on {self.page.url}")

    def focus_is_visible(self):
        """Whether the element with the focus shows it, as WCAG 2.4.7 asks: it matches :focus-visible and has an
        outline or a box shadow drawn round it."""
        return self.page.evaluate(
            """() => {
              const el = document.activeElement;
              if (!el || el === document.body || !el.matches(':focus-visible')) return false;
              const style = getComputedStyle(el);
              const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
              return outline || (style.boxShadow && style.boxShadow !== 'none');
            }"""
        )

    def key_to_next_page(self, key="Enter"):
        """Presses a key that leads to another page (Enter on a link, or in a form to send it) and waits for it."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        return self.landed()

    # Checking.
    def landed(self):
        """Checks the page now shown, once per address (its query string included), method and main heading."""
        self.page.wait_for_load_state("load")
        url = self.page.url
        heading = self.page.evaluate("() => document.querySelector('h1')?.textContent.trim() ?? ''")
        path = re.sub(r"/\d+/", "/N/", urlsplit(url).path)
        key = f"{self.method} {path}?{urlsplit(url).query} {heading}"
        if key not in self.checked:
            self.checked.add(key)
            self.check_accessibility(url)
            self.check_phone_width(url)
        return self.page

    def check_again(self):
        """Checks the page now shown even if its address was checked before: a page that has grown since (a table
        of what the journey added, a form's problems) is a page of its own."""
        self.page.wait_for_load_state("load")
        self.check_accessibility(self.page.url)
        self.check_phone_width(self.page.url)
        return self.page

    def check_accessibility(self, url):
        # No preload: axe would copy each @import-ed style sheet (the admin's forms.css imports widgets.css) into a
        # <style> element of its own, which the content security policy refuses, reported as the page's error; the
        # only rule that needs those copies (css-orientation-lock) is experimental and not run here.
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.evaluate(self._axe)
        results = self.page.evaluate(
            "async (tags) => await axe.run(document,"
            " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload: false})",
            AXE_TAGS,
        )
        serious = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            for violation in results["violations"]
            if violation["impact"] in SERIOUS
        ]
        if serious:
            self.problems.accessibility[url] = serious

    def check_phone_width(self, url):
        self.page.set_viewport_size(PHONE)
        try:
            width = self.page.evaluate("() => document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                self.problems.sideways[url] = (width, self.page.evaluate(WIDEST_ELEMENT))
        finally:
            self.page.set_viewport_size(DESKTOP)
