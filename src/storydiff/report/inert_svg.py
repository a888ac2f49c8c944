"""A plotting library's SVG made fit to inline in a page pinned by a Content-Security-Policy.

matplotlib writes its styling as ``style="…"`` attributes and a ``<style>`` element, which a
CSP without ``'unsafe-inline'`` blocks (the chart would render black, with console errors).
This rewrites every style declaration as the equivalent SVG presentation attribute, and keeps
only an allow-list of drawing elements and attributes, so that whatever text an article put
into a label, the result can neither run, load nor link to anything: no scripts, no event
handlers, no ``foreignObject``, and every reference points inside the chart itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from storydiff.errors import ContractError

# Elements that only draw; anything else (script, style, foreignObject, a, image, metadata,
# animate…) is dropped with its content.
DRAWING_ELEMENTS: frozenset[str] = frozenset(
    {
        "svg", "g", "defs", "path", "rect", "circle", "ellipse", "line", "polyline",
        "polygon", "text", "tspan", "use", "clipPath", "title",
    }
)  # fmt: skip
# Geometry attributes: numbers and path data, nothing that can name a resource.
GEOMETRY_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "d", "x", "y", "dx", "dy", "width", "height", "viewBox", "transform", "points",
        "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "preserveAspectRatio",
    }
)  # fmt: skip
# CSS properties matplotlib sets that SVG also accepts as presentation attributes.
PRESENTATION_PROPERTIES: frozenset[str] = frozenset(
    {
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
        "stroke-dashoffset", "opacity", "font-size", "font-family", "font-weight",
        "font-style", "text-anchor", "dominant-baseline", "clip-path",
    }
)  # fmt: skip
_LOCAL_URL = re.compile(r"^url\(#([A-Za-z0-9_.-]+)\)$")
_SAFE_VALUE = re.compile(r"^[^<>\"\\]*$")
_NAMESPACE = re.compile(r"^\{[^}]*\}")


def _local(tag_or_name: str) -> str:
    """``{http://www.w3.org/2000/svg}path`` → ``path``; ``{…xlink}href`` → ``href``."""
    return _NAMESPACE.sub("", tag_or_name)


def _declarations(style: str) -> dict[str, str]:
    found = {}
    for part in style.split(";"):
        name, sep, value = part.partition(":")
        if sep:
            found[name.strip().lower()] = value.strip()
    return found


def _reference(value: str, prefix: str) -> str | None:
    """A same-chart reference with the chart's id prefix, or None for anything else."""
    if value.startswith("#") and re.fullmatch(r"#[A-Za-z0-9_.-]+", value):
        return f"#{prefix}{value[1:]}"
    found = _LOCAL_URL.match(value)
    return f"url(#{prefix}{found.group(1)})" if found else None


def _allowed_value(name: str, value: str) -> bool:
    """Geometry or presentation, with a value that names no resource and breaks no quoting."""
    known = name in GEOMETRY_ATTRIBUTES or name in PRESENTATION_PROPERTIES
    return known and "url(" not in value and _SAFE_VALUE.match(value) is not None


def _raw_attributes(element: ET.Element) -> dict[str, str]:
    """Attributes without namespaces, with style declarations as attributes of their own."""
    raw = {_local(k): v for k, v in element.attrib.items()}
    raw.update(_declarations(raw.pop("style", "")))
    return raw


def _referenced(root: ET.Element) -> set[str]:
    """Ids something in the chart points at (markers, clip paths); other ids are dropped."""
    found = set()
    for element in root.iter():
        for name, value in _raw_attributes(element).items():
            if name in ("href", "clip-path"):
                found.update(re.findall(r"#([A-Za-z0-9_.-]+)", value))
    return found


def _attributes(element: ET.Element, prefix: str, referenced: set[str]) -> dict[str, str]:
    """The element's allowed attributes, style declarations turned into attributes."""
    kept: dict[str, str] = {}
    for name, value in _raw_attributes(element).items():
        if name == "id":
            if value in referenced:
                kept["id"] = prefix + value
        elif name in ("href", "clip-path"):
            local = _reference(value, prefix)
            if local is not None:
                kept[name] = local
        elif _allowed_value(name, value):
            kept[name] = value
    return kept


def _copy(element: ET.Element, prefix: str, referenced: set[str]) -> ET.Element | None:
    tag = _local(element.tag)
    if tag not in DRAWING_ELEMENTS:
        return None
    clean = ET.Element(tag, _attributes(element, prefix, referenced))
    clean.text = element.text if tag in ("text", "tspan", "title") else None
    for child in element:
        copied = _copy(child, prefix, referenced)
        if copied is not None:
            copied.tail = child.tail if tag in ("text", "tspan") else None
            clean.append(copied)
    return clean


def inert_svg(svg: str, *, prefix: str, label: str) -> Markup:
    """``svg`` reduced to drawing only, ids prefixed to be unique in the page, scalable.

    ``label`` becomes the chart's accessible name. The width and height are dropped so that
    the stylesheet sizes the chart; the viewBox keeps its proportions.
    """
    parsed = ET.fromstring(svg)
    root = _copy(parsed, prefix, _referenced(parsed))
    if root is None or root.tag != "svg":
        raise ContractError(
            f"the chart {label!r} is not an SVG document; this is a storydiff bug: please report "
            "it with the input that caused it"
        )
    for fixed in ("width", "height"):
        root.attrib.pop(fixed, None)
    root.attrib.update({"role": "img", "aria-label": label, "stroke-linejoin": "round"})
    return Markup(ET.tostring(root, encoding="unicode", short_empty_elements=True))
