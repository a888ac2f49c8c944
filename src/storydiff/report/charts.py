"""The dossier's charts, drawn by matplotlib as SVG and inlined in the page as inert markup.

matplotlib is imported only here and only when an HTML dossier is rendered: it costs a few
seconds on a cold start, and every other command or format has no use for it. Text stays
text (``svg.fonttype: none``) so the charts are small, sharp in print and searchable; the
id salt is fixed so the same dossier always gives the same bytes.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from storydiff.report import chart_data
from storydiff.report.inert_svg import inert_svg

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

# Stance is shown by colour *and* marker shape, so that it reads in greyscale print and for
# colour-blind readers; the colours match the page's support/oppose/mixed text classes.
STANCE_STYLE: dict[str, tuple[str, str]] = {
    "support": ("#16794a", "^"),
    "oppose": ("#b42318", "v"),
    "mixed": ("#8a5a00", "D"),
    "neutral": ("#5b6472", "o"),
}
# Speaker colours for the voice-share bars: a colour-blind-safe qualitative palette (Okabe-Ito)
# for the named speakers, grey for everyone pooled as "others".
SPEAKER_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")
OTHERS_COLOUR = "#b8bec8"
INK, MUTED, GRID = "#1d2330", "#5b6472", "#e3e6eb"

# Rendering settings: applied per chart under a lock, never to the user's global matplotlib.
_RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # labels as <text>, not glyph outlines
    "svg.hashsalt": "storydiff",  # stable ids: the same dossier gives the same bytes
    "text.parse_math": False,  # a "$" in an actor's name is a dollar sign, not TeX
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # metrics for layout; the page's font shows
    "font.size": 10,
    "axes.edgecolor": GRID,
    "axes.labelcolor": MUTED,
    "xtick.color": MUTED,
    "ytick.color": INK,
}
_LOCK = threading.Lock()  # rcParams are process-wide; charts render one at a time
_log = logging.getLogger(__name__)


def _svg(draw: Callable[[], Figure]) -> str:
    """Run ``draw`` under our settings and return the figure as SVG text."""
    import matplotlib as mpl
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    # matplotlib's advice about tick intervals is for a chart's author, not a reader of the
    # terminal (it printed a source path on some runs): it goes to the log (storydiff -v).
    with _LOCK, mpl.rc_context(_RC), warnings.catch_warnings(record=True) as advice:
        warnings.simplefilter("always", UserWarning)
        figure = draw()
        buffer = io.StringIO()
        canvas = FigureCanvasSVG(figure)
        canvas.print_svg(buffer, metadata={"Date": None, "Creator": None})  # type: ignore[no-untyped-call]
    for said in advice:
        _log.info("matplotlib, drawing a chart: %s: %s", said.category.__name__, said.message)
    return buffer.getvalue()


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _x(dates: list[date]) -> list[float]:
    """Dates as matplotlib's day numbers, the unit its date axis works in."""
    import matplotlib.dates as mdates

    return [float(mdates.date2num(d)) for d in dates]  # type: ignore[no-untyped-call]


def _time_axis(axes: Axes, dates: list[date]) -> None:
    """Concise date ticks; a single date gets a month either side instead of a zero range."""
    import matplotlib.dates as mdates

    first, last = min(dates), max(dates)
    pad = max((last - first) * 0.05, timedelta(days=30))
    low, high = _x([first - pad, last + pad])
    axes.set_xlim(low, high)
    locator = mdates.AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _rows(axes: Axes, labels: list[str]) -> None:
    axes.set_yticks(range(len(labels)), labels=[_short(x) for x in labels])
    axes.set_ylim(len(labels) - 0.5, -0.5)
    axes.tick_params(axis="y", length=0)


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _stance_figure(series: chart_data.StanceSeries) -> Figure:
    figure = _figure(7.0, 0.9 + 0.34 * len(series.actors))
    axes = figure.add_subplot()
    row = {actor: n for n, actor in enumerate(series.actors)}
    for actor in series.actors:
        mine = [p for p in series.points if p.actor == actor]
        axes.plot(_x([p.when for p in mine]), [row[actor]] * len(mine), color=GRID, linewidth=2)
    for stance, (colour, marker) in STANCE_STYLE.items():
        mine = [p for p in series.points if p.stance == stance]
        if mine:
            axes.scatter(
                _x([p.when for p in mine]),
                [row[p.actor] for p in mine],
                color=colour,
                marker=marker,
                s=46,
                label=stance,
                zorder=3,
            )
    _rows(axes, series.actors)
    _time_axis(axes, [p.when for p in series.points])
    figure.legend(loc="outside upper right", ncols=4, frameon=False, handletextpad=0.2)
    return figure


def _event_figure(series: chart_data.EventSeries, outlets: dict[str, str]) -> Figure:
    figure = _figure(7.0, 0.9 + 0.38 * len(series.rows))
    axes = figure.add_subplot()
    row = {article: n for n, article in enumerate(series.rows)}
    for estimated, face in ((False, INK), (True, "white")):
        mine = [p for p in series.points if p.estimated == estimated]
        if mine:
            axes.scatter(
                _x([p.when for p in mine]),
                [row[p.article] for p in mine],
                facecolors=face,
                edgecolors=INK,
                s=30,
                alpha=0.85,
                label="estimated date" if estimated else "stated date",
                zorder=3,
            )
    _rows(axes, [f"{a} · {outlets.get(a) or 'unknown outlet'}" for a in series.rows])
    _time_axis(axes, [p.when for p in series.points])
    figure.legend(loc="outside upper right", ncols=2, frameon=False, handletextpad=0.2)
    return figure


def _voice_figure(shares: chart_data.VoiceShares, outlets: dict[str, str]) -> Figure:
    figure = _figure(7.0, 1.2 + 0.34 * len(shares.articles))
    axes = figure.add_subplot()
    colours = dict(zip(shares.speakers, SPEAKER_COLOURS, strict=False))
    colours[chart_data.OTHERS] = OTHERS_COLOUR
    left = [0.0] * len(shares.articles)
    for speaker in shares.speakers:
        widths = [100 * shares.shares[a].get(speaker, 0.0) for a in shares.articles]
        axes.barh(
            range(len(shares.articles)),
            widths,
            left=left,
            color=colours[speaker],
            label=_short(speaker, 22),
            height=0.62,
        )
        left = [x + w for x, w in zip(left, widths, strict=True)]
    _rows(axes, [f"{a} · {outlets.get(a) or 'unknown outlet'}" for a in shares.articles])
    axes.set_xlim(0, 100)
    axes.set_xlabel("share of the article's quotes, %")
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    figure.legend(loc="outside lower center", ncols=4, frameon=False, handletextpad=0.3)
    return figure


@dataclass(frozen=True, slots=True)
class Chart:
    """An inline SVG chart and a note on what only the table beside it shows."""

    svg: Markup
    note: str


def _note(left_out: int, what: str) -> str:
    if not left_out:
        return ""
    return f"{left_out} {what} not drawn (undated, or past the last row) are in the table."


def _rows_note(cut: int, what: str) -> str:
    """What a big story's chart leaves out: only its MAX_ARTICLES fullest article rows."""
    if not cut:
        return ""
    return (
        f"Only the {chart_data.MAX_ARTICLES} articles with the most {what} are drawn, of "
        f"{cut + chart_data.MAX_ARTICLES}; dossier.json has the rest."
    )


def render_charts(doc: dict[str, Any]) -> dict[str, Chart]:
    """The charts this dossier has data for, by name: ``stances``, ``events``, ``voices``."""
    outlets = {a["id"]: a["outlet"] or "" for a in doc["articles"]}
    stances = chart_data.stance_series(doc)
    events = chart_data.event_series(doc)
    voices = chart_data.voice_shares(doc)
    charts: dict[str, Chart] = {}
    if stances.points:
        svg = _svg(lambda: _stance_figure(stances))
        charts["stances"] = Chart(
            inert_svg(svg, prefix="cs-", label="Stances of each actor over time"),
            _note(stances.left_out, "stances"),
        )
    if events.points:
        svg = _svg(lambda: _event_figure(events, outlets))
        charts["events"] = Chart(
            inert_svg(svg, prefix="ce-", label="Dated events by the article that reports them"),
            _rows_note(events.rows_cut, "dated events")
            if events.rows_cut
            else _note(events.left_out, "events"),
        )
    if voices.articles:
        svg = _svg(lambda: _voice_figure(voices, outlets))
        charts["voices"] = Chart(
            inert_svg(svg, prefix="cv-", label="Share of each article's quotes per speaker"),
            _rows_note(voices.articles_cut, "quotes"),
        )
    return charts
