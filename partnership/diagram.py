"""The structure of the partnership drawn as SVG from the Body records, for the report and the pages."""

import base64
import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lscp.charts import FONT_FAMILY

from .models import BodyKind

BOX_WIDTH, LINE_HEIGHT, PADDING, GAP_X, GAP_Y = 150, 13, 8, 12, 34
ROW_CAPACITY = 4
WIDTH = ROW_CAPACITY * BOX_WIDTH + (ROW_CAPACITY + 1) * GAP_X
FILL = {
    BodyKind.EXECUTIVE: "#1d3557",
    BodyKind.PARTNERSHIP: "#264f8a",
    BodyKind.STRATEGIC_PLANNING: "#3d6fa8",
    BodyKind.SUBGROUP: "#e8f0fa",
    BodyKind.LOCAL_GROUP: "#eef7ee",
    BodyKind.TASK_AND_FINISH: "#fff6e0",
    BodyKind.LINKED_BOARD: "#ffffff",
}
DARK = {BodyKind.EXECUTIVE, BodyKind.PARTNERSHIP, BodyKind.STRATEGIC_PLANNING}


@dataclass
class Box:
    body: object
    lines: list
    x: float = 0
    y: float = 0

    @property
    def height(self):
        return len(self.lines) * LINE_HEIGHT + 2 * PADDING

    @property
    def centre_x(self):
        return self.x + BOX_WIDTH / 2


def _depths(bodies):
    by_id = {b.pk: b for b in bodies}
    depths = {}
    for body in bodies:
        depth, node, seen = 0, body, set()
        while node.parent_id in by_id and node.pk not in seen:
            seen.add(node.pk)
            node = by_id[node.parent_id]
            depth += 1
        depths[body.pk] = depth
    return depths


def structure_svg(bodies):
    """An SVG of the bodies as a tree (one row a level, wrapping long rows), linked boards beneath.

    Returns (svg text, description): the description is the text alternative for readers who cannot see it.
    """
    bodies = list(bodies)
    tree = [b for b in bodies if b.kind != BodyKind.LINKED_BOARD]
    linked = [b for b in bodies if b.kind == BodyKind.LINKED_BOARD]
    depths = _depths(tree)
    levels = {}
    for body in sorted(tree, key=lambda b: (BodyKind.values.index(b.kind), b.name)):
        levels.setdefault(depths[body.pk], []).append(body)
    rows = []
    for depth in sorted(levels):
        members = levels[depth]
        for start in range(0, len(members), ROW_CAPACITY):
            rows.append(("tree", members[start : start + ROW_CAPACITY]))
    for start in range(0, len(linked), ROW_CAPACITY):
        rows.append(("linked", linked[start : start + ROW_CAPACITY]))

    boxes, parts, y = {}, [], GAP_Y / 2
    linked_top = None
    for kind, members in rows:
        row_boxes = [Box(b, textwrap.wrap(b.name, 24) or [b.name]) for b in members]
        span = len(row_boxes) * BOX_WIDTH + (len(row_boxes) - 1) * GAP_X
        x = (WIDTH - span) / 2
        if kind == "linked" and linked_top is None:
            linked_top = y
            y += 22
        for box in row_boxes:
            box.x, box.y = x, y
            x += BOX_WIDTH + GAP_X
            boxes[box.body.pk] = box
        y += max(b.height for b in row_boxes) + GAP_Y

    for box in boxes.values():  # connectors first, so boxes sit on top of them
        parent = boxes.get(box.body.parent_id)
        if parent is not None and box.body.kind != BodyKind.LINKED_BOARD:
            mid = (parent.y + parent.height + box.y) / 2
            parts.append(
                f'<path d="M{parent.centre_x:.1f},{parent.y + parent.height:.1f} V{mid:.1f} H{box.centre_x:.1f} '
                f'V{box.y:.1f}" fill="none" stroke="#6c7a89" stroke-width="1.2"/>'
            )
    if linked_top is not None:
        parts.append(
            f'<text x="{WIDTH / 2:.1f}" y="{linked_top + 12:.1f}" text-anchor="middle" font-size="11" '
            f'font-weight="bold" fill="#1d3557">Linked boards and panels</text>'
        )
    for box in boxes.values():
        kind = box.body.kind
        dashed = ' stroke-dasharray="4 3"' if kind == BodyKind.LINKED_BOARD else ""
        parts.append(
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{BOX_WIDTH}" height="{box.height}" rx="6" '
            f'fill="{FILL.get(kind, "#ffffff")}" stroke="#1d3557" stroke-width="1"{dashed}/>'
        )
        colour = "#ffffff" if kind in DARK else "#111111"
        for i, line in enumerate(box.lines):
            parts.append(
                f'<text x="{box.centre_x:.1f}" y="{box.y + PADDING + (i + 1) * LINE_HEIGHT - 3:.1f}" '
                f'text-anchor="middle" font-size="10.5" fill="{colour}">{escape(line)}</text>'
            )
    height = y
    description = describe(tree, linked)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" font-family="{FONT_FAMILY}" role="img">'
        f"<title>Structure of the partnership</title><desc>{escape(description)}</desc>{''.join(parts)}</svg>"
    )
    return svg, description


def describe(tree, linked):
    """The diagram in words: each body and the body it reports to."""
    by_id = {b.pk: b for b in tree}
    sentences = []
    for body in tree:
        parent = by_id.get(body.parent_id)
        if parent:
            sentences.append(f"{body.name} reports to {parent.name}.")
        else:
            sentences.append(f"{body.name} is at the top of the structure.")
    if linked:
        sentences.append("Linked boards and panels: " + "; ".join(b.name for b in linked) + ".")
    return " ".join(sentences) or "No bodies are recorded for the partnership."


def as_data_uri(svg):
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
