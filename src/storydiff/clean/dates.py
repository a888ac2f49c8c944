"""Publication dates: every date a page states about itself, else an estimate that says why.

Stated (``Article.published``): the page's markup (htmldate, original publication only), a
labelled date line ("Published …", "Posted: …", "Updated …"), a byline with a time, a bare date
line in any written form ("3 Mar, 2016 09:41", "Tuesday, Oct. 4, 2016, 7:05 p.m.",
"10-04-2016 08:15 GMT"), a dateline with its year, the date in the page's address
("/2016/10/04/"). Stated beats inferred.

Estimated (``DateEstimate``, only when nothing is stated): a window of days with its evidence,
from what dates the article — a date given with its weekday (news names weekdays within a
week), an office holder's term, a span counted from a year — narrowed by what bounds it (dates
and years reported as past, those still ahead). A year mentioned in passing (a past war, an
earlier protest) only bounds the window; it is never an estimate on its own.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from storydiff.clean import vocab
from storydiff.clean.metadata import dateline
from storydiff.model import DateEstimate


def parse_stated_date(text: str) -> str | None:
    """ISO date ("YYYY-MM-DD" or "YYYY-MM") written in ``text``, or None."""
    for form in vocab.DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if groups.get("mnum"):
            month = int(groups["mnum"])
        else:
            month = vocab.MONTHS[groups["month"].lower().rstrip(".")]
        if not 1 <= month <= 12:
            continue
        day = groups.get("day")
        if day is None:
            return f"{year:04d}-{month:02d}"
        if not 1 <= int(day) <= 31:
            continue
        return f"{year:04d}-{month:02d}-{int(day):02d}"
    return None


def date_line(line: str) -> str | None:
    """The date a short line states when the line is nothing but a (labelled) date."""
    if len(line.split()) > vocab.MAX_DATE_LINE_WORDS:
        return None
    stated = parse_stated_date(line)
    if stated is None:
        return None
    rest = vocab.DATE_LINE_LEAD.sub("", line)
    for form in vocab.DATE_FORMS:
        rest = form.sub("", rest)
    # Left over: times, zones, weekdays and separators only — no words of a sentence.
    leftovers = re.findall(r"[A-Za-z]{4,}", rest)
    weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    if any(
        word.lower() not in weekdays | {"updated", "published", "gmt", "utc"} for word in leftovers
    ):
        return None
    return stated


@dataclass(frozen=True, slots=True)
class PageDate:
    """A date the page states about itself, how it says it, and the words it is read from."""

    value: str  # ISO: "YYYY-MM-DD", or "YYYY-MM" where only the month is given
    kind: str  # "published", "date line", "dateline", "url", "updated", "html metadata"
    text: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """A full calendar date written in a text, with where it is."""

    start: int
    end: int
    value: date
    weekday: bool  # written with its day of the week ("Sunday, Aug. 9, 2015")


def _year(groups: dict[str, str | None]) -> int | None:
    if groups.get("year"):
        return int(groups["year"] or 0)
    if groups.get("yy"):
        yy = int(groups["yy"] or 0)
        return 2000 + yy if yy < 70 else 1900 + yy
    return None


def _month_day(groups: dict[str, str | None]) -> tuple[int, int] | None:
    """Month and day of a match; numeric "a/b" is month first unless a is no month."""
    if groups.get("month"):
        name = (groups["month"] or "").lower().rstrip(".")
        return vocab.MONTHS[name], int(groups["day"] or 0)
    if groups.get("mnum"):
        return int(groups["mnum"] or 0), int(groups["day"] or 0)
    first, second = int(groups["first"] or 0), int(groups["second"] or 0)
    return (first, second) if first <= 12 else (second, first)


def find_dates(text: str) -> list[DateMention]:
    """Every full date written in ``text`` (real days only, weekday agreeing when written)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for form in vocab.PAGE_DATE_FORMS:
        for match in form.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            groups = match.groupdict()
            year = _year(groups)
            month_day = _month_day(groups)
            if year is None or month_day is None:
                continue
            try:
                day = date(year, *month_day)
            except ValueError:
                continue
            weekday = groups.get("weekday")
            if weekday and vocab.WEEKDAYS[weekday.lower().rstrip(".")] != day.weekday():
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMention(match.start(), match.end(), day, bool(weekday)))
    return sorted(found, key=lambda m: m.start)


def _leftover_words(text: str) -> list[str]:
    """Words of a line besides its dates, clock times, weekdays and zones."""
    rest = vocab.CLOCK_TIME.sub(" ", text)
    words = re.findall(r"[A-Za-z][A-Za-z’'.-]*", rest)
    zones = {"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt"}
    return [
        w
        for w in words
        if w.lower().rstrip(".") not in vocab.WEEKDAYS
        and w.lower().rstrip(".") not in zones
        and w.lower().rstrip(".") not in {"at", "on", "a.m", "p.m", "am", "pm"}
    ]


def page_date_line(line: str) -> PageDate | None:
    """The date a short line states about its page: a labelled date ("Updated: Nov 14, 2016 -
    3:01 PM", "Posted 3:57 AM, May 26, 2015, by …"), a byline with a date ("By The Associated
    Press on Tue 06/30/2015 04:48am") or a line that is nothing but a date and a time."""
    text = line.strip()
    if not text or len(text.split()) > vocab.MAX_PAGE_DATE_LINE_WORDS:
        return None
    if vocab.EMBEDDED_POST.search(text):
        return None
    mentions = find_dates(text)
    if not mentions:
        return None
    first = mentions[0]
    for label in vocab.PAGE_DATE_LABEL.finditer(text):
        # The label's date follows it, with at most a clock time or a weekday in between.
        gap = text[label.end() : first.start]
        if label.end() > first.start or _leftover_words(gap):
            continue
        before = text[: label.start()]
        if text[label.start() - 1 : label.start()] == "(" and _leftover_words(before):
            continue  # "… reports on the shooting. (Published Monday, Sept. 23, 2013)": a clip's
        if (  # a headline before "Posted:" is the page's; a sentence before "updated" is not
            len(_leftover_words(before)) > 2
            and not re.match(r"(?i)^\W*by\b", text)
            and ":" not in label.group(0)
        ):
            continue
        kind = "updated" if label.group("updated") else "published"
        # "Created May 12, 2015 - Updated: May 14, 2015": the first publication wins.
        for other in vocab.PAGE_DATE_LABEL.finditer(text):
            if other.group("published") and kind == "updated":
                later = [m for m in mentions if m.start >= other.end()]
                if later and not _leftover_words(text[other.end() : later[0].start]):
                    return PageDate(later[0].value.isoformat(), "published", text)
        return PageDate(first.value.isoformat(), kind, text)
    rest = text[: first.start] + text[first.end :]
    leftovers = _leftover_words(rest)
    if re.match(r"(?i)^\W*by\b", text) and len(leftovers) <= vocab.MAX_PAGE_DATE_WORDS // 2:
        return PageDate(first.value.isoformat(), "published", text)
    if not [w for w in leftovers if len(w) > 3]:
        return PageDate(first.value.isoformat(), "date line", text)
    return None


def url_date(url: str) -> PageDate | None:
    """The date in a page's address ("/2016/10/04/…"), at the precision it is written."""
    address = url.strip()
    archived = vocab.ARCHIVED_URL.match(address)
    if archived:
        address = archived.group("url")
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]+", "", address, flags=re.IGNORECASE)
    for form in vocab.URL_DATE_FORMS:
        for match in form.finditer(path):
            groups = match.groupdict()
            year = int(groups["year"])
            if not vocab.URL_YEARS[0] <= year <= vocab.URL_YEARS[1]:
                continue
            if groups.get("month"):
                month = vocab.MONTHS[groups["month"].lower().rstrip(".")]
            else:
                month = int(groups["mnum"])
            if not 1 <= month <= 12:
                continue
            if groups.get("day") is None:
                return PageDate(f"{year:04d}-{month:02d}", "url", url)
            day = int(groups["day"])
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                return None  # "/2016/02/31/": numbers, not a date
            return PageDate(date(year, month, day).isoformat(), "url", url)
    return None


_URL_IN = re.compile(r"(?:https?://|www\.)[^\s()<>\"]+", re.IGNORECASE)


def source_url(source: str) -> str | None:
    """The page's address where the source names one ("doc.jsonl:3 (https://…)" included)."""
    found = _URL_IN.findall(source)
    return found[0] if found else None


def html_date(html: str, url: str | None = None) -> str | None:
    """htmldate's reading of the page's own publication date (not its last update), from the
    page's markup and address only: a date guessed from the free text is not "stated"."""
    try:
        import htmldate

        found = htmldate.find_date(
            html, extensive_search=False, original_date=True, url=url, outputformat="%Y-%m-%d"
        )
    except Exception:  # a third-party parser on arbitrary pages: never fatal
        return None
    return found if isinstance(found, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", found) else None


def dateline_date(paragraph: str) -> PageDate | None:
    """A full date opening the body: "(05/24/15) - …", "WASHINGTON, Oct. 4, 2016 — …"."""
    head = paragraph.strip()[:80]
    bracket = vocab.BRACKET_DATELINE.match(head)
    if bracket:
        mentions = find_dates(bracket.group("date"))
        if mentions and not _leftover_words(bracket.group("date")):
            return PageDate(mentions[0].value.isoformat(), "dateline", bracket.group(0))
    found = dateline(paragraph)
    if found is not None and found.date:
        mentions = find_dates(found.date)
        if mentions:
            return PageDate(mentions[0].value.isoformat(), "dateline", found.prefix)
    return None


# Which stated date is the publication date when a page states several: its markup, its own
# first publication line, its address, a dateline, a bare date line, an update, a month alone.
_RANK = {"html metadata": 0, "published": 1, "url": 2, "dateline": 3, "date line": 4, "updated": 5}


def _rank(found: PageDate) -> int:
    if len(found.value) < len("2016-10-04"):
        return len(_RANK)  # a month alone ("/2016/12/") only when no day is stated anywhere
    return _RANK.get(found.kind, len(_RANK))


def publication_date(
    lines: list[str], *, url: str | None = None, html: str | None = None, body: str = ""
) -> PageDate | None:
    """The page's publication date from everything it states: the HTML's own metadata, the
    first labelled date line ("Published …", a byline with a time), the date in its address,
    a dateline opening the body, a bare date line, an "Updated …" line; None when it states
    none. Each kind is read where it first appears; a page's first statement is its own,
    later ones date comments, teasers and updates."""
    found: list[PageDate] = []
    if html is not None:
        archived = vocab.ARCHIVED_URL.match(url.strip()) if url else None
        value = html_date(html, archived.group("url") if archived else url)
        if value is not None:
            found.append(PageDate(value, "html metadata", "the page's markup"))
    seen: set[str] = set()
    for line in lines:
        stated = page_date_line(line)
        if stated is not None and stated.kind not in seen:
            seen.add(stated.kind)
            found.append(stated)
    if url:
        in_url = url_date(url)
        if in_url is not None:
            found.append(in_url)
    opening = dateline_date(body.lstrip().split("\n", 1)[0]) if body.strip() else None
    if opening is not None:
        found.append(opening)
    return min(found, key=_rank, default=None)


@dataclass(frozen=True, slots=True)
class _Clue:
    """What one piece of the text says about when it was written: days it allows, with why.

    A *pointer* dates the article (a date given with its weekday, a term of office, a span
    counted from a year); a bound only rules days out (a year or a date the text reports as
    past, one it treats as still ahead). Bounds alone never make an estimate unless the text
    bounds it from both sides.
    """

    low: date | None
    high: date | None
    why: str
    best: date | None = None  # the likeliest day inside, where the clue has one


def _year_start(year: int) -> date:
    return date(year, 1, 1)


def _year_end(year: int) -> date:
    return date(year, 12, 31)


def _month_start(iso: str) -> date:
    year, month = iso.split("-")
    return date(int(year), int(month), 1)


def _month_end(iso: str) -> date:
    year, month = (int(p) for p in iso.split("-"))
    return date(year, month, calendar.monthrange(year, month)[1])


def _sentence_at(text: str, start: int) -> str:
    begin = max(text.rfind(stop, 0, start) for stop in (". ", "! ", "? ", "\n")) + 1
    ends = [e for e in (text.find(stop, start) for stop in (". ", "! ", "? ", "\n")) if e >= 0]
    return text[begin : min(ends, default=len(text))]


def _ahead(text: str, start: int) -> bool:
    """Whether the words before ``start`` put what follows ahead of the writer."""
    before = text[max(0, start - 60) : start]
    if vocab.AHEAD_BEFORE.search(before):
        return True
    return bool(
        vocab.MAYBE_AHEAD_BEFORE.search(before)
        and vocab.FUTURE_MARKER.search(_sentence_at(text, start))
    )


def _date_clues(text: str) -> tuple[list[_Clue], list[_Clue], list[tuple[int, int]]]:
    """Pointers and bounds from the full dates the text writes, and where those dates are."""
    pointers: list[_Clue] = []
    bounds: list[_Clue] = []
    spans: list[tuple[int, int]] = []
    reach = timedelta(days=vocab.UPDATE_REACH_DAYS)
    week = timedelta(days=vocab.WEEKDAY_DATE_REACH_DAYS)
    for mention in find_dates(text):
        spans.append((mention.start, mention.end))
        written = text[mention.start : mention.end]
        day = mention.value
        if _ahead(text, mention.start):
            bounds.append(_Clue(None, day, f"“{written}” is still ahead"))
            continue
        # A page keeps its first date while its updates report later days.
        bounds.append(_Clue(day - reach, None, f"“{written}” has happened"))
        if mention.weekday:
            # News names the weekday of a date within a week of writing (AP style); a weekday
            # and a date further away are written as the date alone.
            pointers.append(
                _Clue(
                    day - week,
                    day + week,
                    f"“{written}” is given with its weekday, as news does within a week",
                    day,
                )
            )
    return pointers, bounds, spans


def _year_clues(text: str, in_dates: list[tuple[int, int]]) -> tuple[list[_Clue], list[_Clue]]:
    """Pointers (spans counted from a year) and bounds (years past, years still ahead); years
    inside full dates (``in_dates``) are read with their dates."""
    pointers: list[_Clue] = []
    bounds: list[_Clue] = []
    past: list[int] = []
    ahead: list[int] = []
    for match in vocab.YEAR.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if vocab.YEAR_NOT_DATE_BEFORE.search(before):
            continue
        if any(s <= match.start() < e for s, e in in_dates):
            continue
        year = int(match.group("year"))
        (ahead if _ahead(text, match.start()) else past).append(year)
    if past:
        latest = max(past)
        bounds.append(
            _Clue(_year_start(latest), None, f"the latest year the body mentions is {latest}")
        )
    if ahead:
        first = min(ahead)
        bounds.append(_Clue(None, _year_end(first - 1), f"{first} is still ahead (“by {first}”)"))
    for match in vocab.SPAN_AFTER_YEAR.finditer(text):
        unit = 10 if match.group("unit").lower().startswith("decade") else 1
        count = match.group("n").lower()
        n = (vocab.NUMBER_WORDS.get(count) or int(count)) * unit
        year = int(match.group("year")) + n
        hedge = (match.group("hedge") or "").lower()
        if hedge in {"nearly", "almost"}:
            low, high, best = year - 1, year, year - 1
        elif hedge in {"more than", "over"}:
            low, high, best = year, year + max(1, unit - 1), year
        elif hedge:
            low, high, best = year - 1, year + 1, year
        else:
            low, high, best = year, year + 1, year
        phrase = " ".join(match.group(0).split())
        pointers.append(
            _Clue(
                _year_start(low),
                _year_end(high),
                f"“{phrase}” puts it around {best}",
                _year_start(best),
            )
        )
    return pointers, bounds


def _tenure_pattern(name: str, role: str) -> re.Pattern[str]:
    """A role attached to a name: "Prime Minister Isa Mustafa", "Trump administration",
    "Thaci, the president"; not "Donald Trump for president stickers"."""
    names = r"(?:[A-Z][\w’'.-]+\s+){0,2}"
    return re.compile(
        rf"\b(?i:{role})\s+{names}(?:{name})\b"
        rf"|\b(?:{name})(?:[’']s)?\s+(?i:{role})\b"
        rf"|\b(?:{name}),\s+(?:the\s+|as\s+)?(?:[A-Z][\w’'.-]*\s+){{0,3}}(?i:{role})\b"
    )


def _tenure_clues(text: str) -> list[_Clue]:
    """Office holders the text names in office: the article falls inside each term."""
    clues: list[_Clue] = []
    labels: set[str] = set()
    for sentence in re.split(r"(?<=[.!?”])\s+", text):
        for name, role, start, end, label in vocab.TENURES:
            if label in labels:
                continue
            found = [
                m
                for m in _tenure_pattern(name, role).finditer(sentence)
                if not vocab.NOT_IN_OFFICE_BEFORE.search(sentence[: m.start()])
            ]
            if not found:
                continue
            labels.add(label)
            clues.append(
                _Clue(_month_start(start), _month_end(end) if end is not None else None, label)
            )
    return clues


# A window this narrow is set by the most recent reference, so its far edge is the best guess;
# a wider one (an office held for a decade) says little, and news mostly reports recent
# events, so its near edge (the latest year the text mentions, or the term's start) is closer.
NARROW_WINDOW_YEARS = 2


def _pick_year(low: date, high: date) -> int:
    if high.year - low.year <= NARROW_WINDOW_YEARS:
        return high.year
    return low.year


def _written(low: date, high: date, best: date | None) -> str:
    """The estimate at the precision its window supports: a day, a month, a year, or (for a
    window over several years) the likeliest year."""
    if low == high:
        return low.isoformat()
    if (low.year, low.month) == (high.year, high.month):
        return f"{low.year:04d}-{low.month:02d}"
    if low.year == high.year:
        return str(low.year)
    if best is not None and low <= best <= high:
        return str(best.year)
    return str(_pick_year(low, high))


def _narrow(
    low: date | None, high: date | None, clue: _Clue
) -> tuple[date | None, date | None] | None:
    """The window with ``clue`` applied, or None when they cannot both hold."""
    new_low = max(d for d in (low, clue.low) if d is not None) if low or clue.low else None
    new_high = min(d for d in (high, clue.high) if d is not None) if high or clue.high else None
    if new_low is not None and new_high is not None and new_low > new_high:
        return None
    return new_low, new_high


def estimate_date(text: str, *, today: date | None = None) -> DateEstimate | None:
    """The window of days the body's evidence allows for its writing, or None when nothing in
    it dates the article.

    Only pointers date an article: a date given with its weekday, an office holder's term, a
    span counted from a year. Bounds narrow the window (a year or date the body reports as
    past: no earlier; one it treats as ahead: no later) but a year mentioned in passing is never
    an estimate on its own; a window the text closes on both sides is. A pointer that
    contradicts the bounds is background (an older event's date) and is left aside.
    """
    today = today or date.today()
    date_pointers, date_bounds, in_dates = _date_clues(text)
    year_pointers, year_bounds = _year_clues(text, in_dates)
    bounds = date_bounds + year_bounds
    low = max((c.low for c in bounds if c.low), default=None)
    high = min((c.high for c in bounds if c.high), default=None)
    if low is not None and high is not None and low > high:
        return None  # the text's own dates disagree (a page of several stories): no estimate
    # Latest weekday dates first: the newest event is the one reported as recent.
    date_pointers.sort(key=lambda c: c.best or date.min, reverse=True)
    pointers: list[_Clue] = []
    for clue in date_pointers + year_pointers + _tenure_clues(text):
        narrowed = _narrow(low, high, clue)
        if narrowed is None:
            continue
        low, high = narrowed
        pointers.append(clue)
    # Bounds that set the window's edges (a pointer may have moved them).
    used = [c for c in bounds if c.low is not None and c.low == low]
    used += [c for c in bounds if c.high is not None and c.high == high]
    if low is None or (not pointers and high is None):
        return None  # only "no earlier than": a background year is never an estimate
    high = min(high or today, today)
    if low > high:
        return None
    best = next((c.best for c in pointers if c.best is not None and low <= c.best <= high), None)
    if best is None and any(c.low == low for c in used):
        best = low  # the latest event the body reports: news is mostly written soon after
    value = _written(low, high, best)
    clues = [c.why for c in pointers] + [c.why for c in used if c not in pointers]
    evidence = (
        f"Estimated {value} ({low.isoformat()} to {high.isoformat()}): not stated in the text; "
    )
    evidence += "; ".join(dict.fromkeys(clues))
    relative = sorted({m.group(0).lower() for m in vocab.RELATIVE_HINTS.finditer(text)})
    if relative:
        shown = ", ".join(f"“{hint}”" for hint in relative[:4])
        evidence += f". Relative dates ({shown}) stay unresolved without the article's date"
    return DateEstimate(value, evidence + ".", low.isoformat(), high.isoformat())
