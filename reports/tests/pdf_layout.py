"""Reads a tagged PDF's layout as a reader sees it, for the tests of the report's layout rules: on each page, the
lines of text with their height on the page and the structure element (heading, table, paragraph …) each belongs
to; the running header's lines; the tables, followed across the pages they run onto.

Built on pypdf alone: each line of text is found in the page's content with the marked-content id (MCID) that ties
it to the structure tree, which says what it is (an H2, a cell of a table's head …). Text drawn inside an image
(an SVG chart's labels) is left out: its own coordinates are not the page's.
"""

import io
import re
from dataclasses import dataclass, field

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NumberObject

HEADINGS = {"/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}
MM = 72 / 25.4
TOP_MARGIN, BOTTOM_MARGIN = 22 * MM, 20 * MM  # the report's pages (static/css/report.css, @page)


@dataclass
class Line:
    text: str
    y: float  # the baseline, in points from the foot of the page
    x: float  # where it starts, in points from the left edge
    size: float
    font: str = ""  # its font's name in the PDF ("/ABCDEF+Report-Sans-Bold")
    kinds: tuple = ()  # the structure elements it is inside, outermost first ("/Sect", "/Table", "/TBody" …)
    element: object = None  # the innermost structure element holding it
    elements: tuple = ()  # every structure element holding it, outermost first

    @property
    def is_heading(self):
        """A heading, or a table's caption (which heads its table)."""
        return bool(HEADINGS & set(self.kinds)) or ("/Table" in self.kinds and "/Caption" in self.kinds)


@dataclass
class Table:
    """A table as it is printed on one page: its caption (if on this page), its head's text and its body rows."""

    page: int
    caption: str
    head: str
    rows: int  # rows of its body and foot
    first_on_page: bool
    last_on_page: bool
    top: float = 0.0  # the top of its first line and the baseline of its last, in points from the foot of the page
    bottom: float = 0.0
    head_height: float = 0.0


@dataclass
class Page:
    number: int  # from 1
    height: float
    lines: list = field(default_factory=list)  # the body's text, in the order it is drawn
    header: list = field(default_factory=list)  # the running header's lines (artifacts in the top margin)
    tables: list = field(default_factory=list)

    @property
    def lowest(self):
        return min(self.lines, key=lambda line: line.y, default=None)

    @property
    def fill(self):
        """How much of the page's text area is used, from its top to its last line: 0 to 1."""
        if not self.lines:
            return 0.0
        top = self.height - TOP_MARGIN
        return (top - self.lowest.y) / (top - BOTTOM_MARGIN)


@dataclass
class PrintedTable:
    """A table followed across the pages it runs onto."""

    caption: str
    head: str
    parts: list  # its Table on each page

    @property
    def pages(self):
        return [part.page for part in self.parts]

    @property
    def rows(self):
        return sum(part.rows for part in self.parts)

    @property
    def height(self):
        """About how tall it would be on one page: its parts without their repeated heads."""
        return sum(part.top - part.bottom for part in self.parts) - sum(part.head_height for part in self.parts[1:])


def _kids(element):
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object() if isinstance(kids, IndirectObject) else kids
    return list(kids) if isinstance(kids, ArrayObject | list) else [kids]


class LaidOutPdf:
    def __init__(self, data, *, top_margin=62.0):
        self.reader = pypdf.PdfReader(io.BytesIO(data))
        self.top_margin = top_margin  # points: text above it (from the top of the page) is the running header
        self._page_numbers = {page.indirect_reference.idnum: n for n, page in enumerate(self.reader.pages, 1)}
        self._owners = {}  # (page number, mcid) -> (kinds, elements)
        self._tables = {}  # page number -> [(element, position among the page's top-level blocks)]
        self._blocks = {}  # page number -> number of top-level blocks (kids of the page's sections)
        tree = self.reader.trailer["/Root"]["/StructTreeRoot"].get_object()
        for kid in _kids(tree):
            self._walk(kid, (), (), None)
        self.pages = [self._read_page(n, page) for n, page in enumerate(self.reader.pages, 1)]
        for page in self.pages:
            page.tables = [self._table(page, element, index) for element, index in self._tables.get(page.number, [])]

    # The structure tree -------------------------------------------------------------------------------------------

    def _page_of(self, element, inherited):
        ref = element.raw_get("/Pg") if "/Pg" in element else None
        if isinstance(ref, IndirectObject):
            return self._page_numbers.get(ref.idnum, inherited)
        return inherited

    def _walk(self, element, kinds, elements, page):
        element = element.get_object()
        if isinstance(element, NumberObject | int):  # a marked-content id on the element's page
            self._owners[(page, int(element))] = (kinds, elements)
            return
        if not isinstance(element, DictionaryObject):
            return
        if "/MCID" in element:  # a marked-content reference, perhaps on another page
            self._owners[(self._page_of(element, page), int(element["/MCID"]))] = (kinds, elements)
            return
        kind = element.get("/S")
        if kind is None:
            return
        page = self._page_of(element, page)
        kinds, elements = (*kinds, str(kind)), (*elements, element)
        if kinds[:-1] == ("/Document", "/Sect"):  # a block of a page: WeasyPrint gives each page its sections
            index = self._blocks.get(page, 0)
            self._blocks[page] = index + 1
            if str(kind) == "/Table":
                self._tables.setdefault(page, []).append((element, index))
        for kid in _kids(element):
            self._walk(kid, kinds, elements, page)

    # The pages' content --------------------------------------------------------------------------------------------

    def _read_page(self, number, page):
        height = float(page.mediabox.height)
        result = Page(number=number, height=height)
        marks = []  # the open marked-content sequences: an MCID, "artifact", or None
        depth = [0]  # inside a form XObject (an SVG image) drawn by Do

        def before(operator, operands, cm, tm):
            if operator == b"BDC":
                properties = operands[1] if len(operands) > 1 else None
                properties = properties.get_object() if properties is not None else None
                if str(operands[0]) == "/Artifact":
                    marks.append("artifact")
                elif isinstance(properties, DictionaryObject) and "/MCID" in properties:
                    marks.append(int(properties["/MCID"]))
                else:
                    marks.append(None)
            elif operator == b"BMC":
                marks.append("artifact" if str(operands[0]) == "/Artifact" else None)
            elif operator == b"EMC" and marks:
                marks.pop()
            elif operator == b"Do":
                depth[0] += 1

        def after(operator, operands, cm, tm):
            if operator == b"Do":
                depth[0] -= 1

        def text(content, cm, tm, font, size):
            if not content.strip() or depth[0]:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or 1
            mark = next((m for m in reversed(marks) if m is not None), None)
            line = Line(
                text=re.sub(r"\s+", " ", content).strip(),
                y=round(y, 2),
                x=round(x, 2),
                size=round(size * scale, 2),
                font=str(font.get("/BaseFont", "")) if font else "",
            )
            owner = self._owners.get((number, mark)) if isinstance(mark, int) else None
            if owner is None:  # the page's furniture: WeasyPrint leaves the margin boxes out of the structure tree
                if y > height - self.top_margin:
                    result.header.append(line)
                return
            kinds, elements = owner
            line.kinds, line.elements = kinds, elements
            line.element = elements[-1] if elements else None
            result.lines.append(line)

        page.extract_text(visitor_text=text, visitor_operand_before=before, visitor_operand_after=after)
        return result

    def _table(self, page, element, index):
        lines = [line for line in page.lines if any(e is element for e in line.elements)]

        def text_in(kind):
            return " ".join(line.text for line in lines if kind in line.kinds[line.kinds.index("/Table") :])

        rows = 0
        for group in _kids(element):
            group = group.get_object()
            if isinstance(group, DictionaryObject) and str(group.get("/S")) in ("/TBody", "/TFoot"):
                rows += sum(1 for row in _kids(group) if str(row.get_object().get("/S")) == "/TR")
            elif isinstance(group, DictionaryObject) and str(group.get("/S")) == "/TR":
                rows += 1
        blocks = self._blocks.get(page.number, 0)
        head = [line for line in lines if "/THead" in line.kinds]
        body = [line for line in lines if "/THead" not in line.kinds and "/Caption" not in line.kinds]
        top = max((line.y + line.size for line in lines), default=0.0)
        return Table(
            top=top,
            bottom=min((line.y for line in lines), default=0.0) - 6,
            head_height=top - min(line.y for line in head) + 6 if head and body else 0.0,
            page=page.number,
            caption=text_in("/Caption"),
            head=text_in("/THead"),
            rows=rows,
            first_on_page=index == 0,
            last_on_page=index is not None and index == blocks - 1,
        )

    # Across pages --------------------------------------------------------------------------------------------------

    def tables(self):
        """Every table, a table's part on the next page joined to it: a table that ends its page continues on the
        next one when that page opens with a table without a caption under the same head."""
        printed = []
        previous = None
        for page in self.pages:
            for table in page.tables:
                continues = (
                    previous is not None
                    and previous.parts[-1].last_on_page
                    and previous.parts[-1].page == page.number - 1
                    and table.first_on_page
                    and not table.caption
                    and table.head == previous.head
                )
                if continues:
                    previous.parts.append(table)
                else:
                    previous = PrintedTable(caption=table.caption, head=table.head, parts=[table])
                    printed.append(previous)
        return printed

    def chapter_starts(self):
        """The page numbers where a chapter (a first-level bookmark) begins."""
        return sorted(
            {
                self.reader.get_destination_page_number(item) + 1
                for item in self.reader.outline
                if not isinstance(item, list)
            }
        )
