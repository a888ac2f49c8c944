"""Named vocabularies and patterns for the clean stage.

The logic modules only ask questions of this data ("is this line a comment prompt?"), so a
new site's furniture is usually one entry here, not a code change. Each group says why it
exists. Patterns match *shapes* that recur across publishers rather than one site's strings.
"""

from __future__ import annotations

import re
from typing import Final

from storydiff.lexicon.datelines import DATELINE as DATELINE  # the cleaner reads it too
from storydiff.lexicon.names import NAME_PARTICLES as NAME_PARTICLES  # bylines read them too
from storydiff.lexicon.numbers import UNITS_WORDS

# --- site menus and UI strings ------------------------------------------------------------------
# Text lifted from a rendered page keeps the labels of buttons, menus and skip links. They are
# short, carry no sentence, and appear on every page of a site. Matched against the whole line
# after normalisation (lower case, bullets and trailing punctuation stripped).
UI_STRINGS: Final[frozenset[str]] = frozenset(
    {
        "type to search",
        "search",
        "search for",
        "accessibility links",
        "skip to content",
        "skip to main content",
        "skip to navigation",
        "skip to footer",
        "jump to content",
        "breaking news",
        "menu",
        "main menu",
        "open menu",
        "close menu",
        "toggle navigation",
        "navigation",
        "home",
        "close",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share on whatsapp",
        "share via email",
        "tweet",
        "email",
        "print",
        "print this page",
        "copy link",
        "link copied",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "telegram",
        "reddit",
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "back to top",
        "scroll to top",
        "sign in",
        "log in",
        "login",
        "register",
        "subscribe",
        "subscribe now",
        "listen",
        "listen to this article",
        "watch",
        "play video",
        "video",
        "photo",
        "image",
        "gallery",
        "view gallery",
        "enlarge",
        "expand",
        "read more",
        "show more",
        "load more",
        "more",
        "next",
        "previous",
        "next article",
        "previous article",
        "latest",
        "trending",
        "most read",
        "most popular",
        "live",
        "comments",
        "follow us",
        "loading",
        "loading...",
        "cookie settings",
        "accept",
        "accept all",
        "donate",
        "support us",
        "sign up",
        "newsletter",
        "newsletters",
    }
)

# Labels a player or picture widget leaves behind ("16x9 Image", "4:3 Video").
MEDIA_LABEL: Final[re.Pattern[str]] = re.compile(
    r"^\d{1,2}\s*[x×:]\s*\d{1,2}\s+(image|photo|video|picture)s?$", re.IGNORECASE
)

# What a video player's embed box leaves in copied text ("Embed … 1:29 autoplay autoplay Copy
# this code to your website or blog"): a widget, never the headline or a sentence.
VIDEO_EMBED: Final[re.Pattern[str]] = re.compile(
    r"copy this code to your (?:website|site|blog)|\bautoplay\b.*\bautoplay\b", re.IGNORECASE
)

# Characters that start list items in text copied from a page; stripped before matching.
BULLETS: Final[str] = "•·▪◦‣–—-*>|»›"

# --- image credits and licences -------------------------------------------------------------------
# Photo credits and Creative Commons attributions sit under pictures. They name a licence, a
# photo agency or say "Photo:"; none of that is the story. A line with one of these shapes that
# is also short (see MAX_CREDIT_WORDS) is a caption/credit, not a paragraph.
IMAGE_CREDIT_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"\(own work\)", re.IGNORECASE),
    re.compile(r"\bCC[- ](BY|0)\b", re.IGNORECASE),
    re.compile(r"creativecommons\.org", re.IGNORECASE),
    re.compile(r"via wikimedia commons", re.IGNORECASE),
    re.compile(r"\bpublic domain\b.*\bvia\b", re.IGNORECASE),
    re.compile(
        r"^(photo|image|picture|photograph|photos|images|credit|illustration)s?"
        r"\s*(credit)?\s*[:/|]",
        re.IGNORECASE,
    ),
    re.compile(r"^(photo|image|picture)\s+(by|courtesy(\s+of)?)\s", re.IGNORECASE),
    # a caption closed by its credit: "… in New Orleans / Courtesy: The Advocate"
    re.compile(r"[/|]\s*(photo\s+)?courtesy(\s+of)?\s*:?\s*([A-Z][\w.&' -]*)?$", re.IGNORECASE),
    re.compile(
        r"[(\[/|]\s*(photo|image)?\s*:?\s*(AP|AFP|Reuters|Getty Images|EPA|Shutterstock|"
        r"iStock|Alamy)(\s*(photo|images?)|\s*/\s*[A-Z][\w .]+)*\s*[)\]]?\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"\b(getty images|shutterstock|istockphoto|alamy stock)\b", re.IGNORECASE),
    # The same labels on German, French, Spanish, Italian, Portuguese and Polish sites, opening
    # the credit or closing a caption ("… escolar. Foto: Andina"), and stock agencies.
    re.compile(
        r"(^|[.)]\s)((foto|fotos|bild|bildquelle|quelle|cr[ée]dit photo|imagen|fuente|"
        r"zdj[ęe]cie)\s*:|fot\.:?)\s*\S+(\s+\S+){0,5}\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"\b(fotolia(\.com)?|dpa[- ]bildfunk)\s*$", re.IGNORECASE),
)
MAX_CREDIT_WORDS: Final[int] = 45

# --- comment prompts ------------------------------------------------------------------------------
# Comment forms follow the article on blogs and small outlets; their prompts are the same few
# phrases everywhere (WordPress especially).
COMMENT_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"^(leave|post|add|write|submit) an? (comment|reply|response)\b", re.IGNORECASE),
    re.compile(r"^(leave|post|add) comment\b", re.IGNORECASE),
    re.compile(r"your email address will not be published", re.IGNORECASE),
    re.compile(r"required fields are marked", re.IGNORECASE),
    re.compile(r"^\d+\s+comments?$", re.IGNORECASE),
    re.compile(r"^(no|show|view|hide) comments?\b", re.IGNORECASE),
    re.compile(r"^join the (discussion|conversation)\b", re.IGNORECASE),
    re.compile(r"^comments? (are|is) closed\b", re.IGNORECASE),
    re.compile(r"^save my name, email", re.IGNORECASE),
    re.compile(r"^(cancel reply|post comment|notify me of)", re.IGNORECASE),
    # The same WordPress-style prompts on German, French, Spanish, Italian, Portuguese and
    # Polish sites: the batch is multilingual even when the story is not.
    re.compile(
        r"^(hinterlasse einen kommentar|kommentar (schreiben|verfassen)|antworten abbrechen|"
        r"laisser un commentaire|deja un comentario|cancelar respuesta|lascia un commento|"
        r"deixe um coment[aá]rio|dodaj komentarz)\W*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b((deine|ihre) e-mail-adresse wird nicht ver[öo]ffentlicht|votre adresse (e-mail|de "
        r"messagerie) ne sera pas publi[ée]e|tu (direcci[óo]n de )?correo electr[óo]nico no "
        r"ser[áa] publicad[oa]|il tuo indirizzo email non sar[àa] pubblicato|o seu endere[çc]o "
        r"de e-mail n[ãa]o ser[áa] publicado|tw[óo]j adres e-mail nie zostanie opublikowany)",
        re.IGNORECASE,
    ),
)

# --- newsletter, cookie and subscription notices ------------------------------------------------
# Consent banners and sign-up boxes are interleaved with text on many sites.
NOTICE_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"\bwe use cookies\b", re.IGNORECASE),
    re.compile(r"\b(cookie|privacy) (policy|settings|preferences)\b", re.IGNORECASE),
    re.compile(r"\bby (continuing|using) (to use )?(this|our) (site|website)\b", re.IGNORECASE),
    re.compile(r"^(sign up|subscribe)\b.{0,80}\b(newsletter|updates|inbox|email)", re.IGNORECASE),
    re.compile(r"\b(our|the) (daily |weekly |free )?newsletter\b", re.IGNORECASE),
    re.compile(r"^(get|receive) (our|the latest)\b.{0,60}\b(inbox|email)", re.IGNORECASE),
    re.compile(r"^(get|sign up for) the [\w' ]{1,40} newsletter\W*$", re.IGNORECASE),
    re.compile(r"\bsupport (our|independent) journalism\b", re.IGNORECASE),
    re.compile(r"^(already a subscriber|become a (member|subscriber))\b", re.IGNORECASE),
    re.compile(r"\bdownload (our|the) app\b", re.IGNORECASE),
    re.compile(r"^sign up (for|to)\b.{0,150}$", re.IGNORECASE),
    re.compile(
        r"^follow (us|[A-Z][\w ]{0,40}) on (twitter|facebook|instagram|x|telegram)", re.IGNORECASE
    ),
    # Consent banners and sign-up boxes on German, French, Spanish and Italian sites.
    re.compile(
        r"^(?!.*[\"„“”«»])"  # not inside a quotation: a story may quote the notice
        r"(wir verwenden cookies|diese (web)?seite verwendet cookies|nous utilisons des "
        r"cookies|ce site utilise des cookies|utilizamos cookies|este sitio (web )?utiliza "
        r"cookies|questo sito utilizza( i)? cookie)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(newsletter abonnieren|abonnez-vous [àa] (notre|la) newsletter|inscrivez-vous [àa] "
        r"(notre|la) newsletter|suscr[íi]bete a (nuestro|nuestra|la) (bolet[íi]n|newsletter)|"
        r"iscriviti alla (nostra )?newsletter)\b",
        re.IGNORECASE,
    ),
    # Affiliate-link notices under product boxes ("Affiliate-Links", "liens affiliés").
    re.compile(
        r"(handelt es sich um affiliate[- ]links|^(this|the) (post|article|page) (may )?contains? "
        r"affiliate[- ]links|^(cet|cette) (article|page) contient des liens affili[ée]s)\b",
        re.IGNORECASE,
    ),
)

# --- publisher disclaimers ------------------------------------------------------------------------
# Outlet boilerplate about the outlet itself: mission statements, legal status, reuse terms,
# copyright. These speak in the publisher's voice and follow the story.
DISCLAIMER_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"\bjournalists report the news\b", re.IGNORECASE),
    re.compile(r"\bdeclared an? [\"“']?undesirable organi[sz]ation", re.IGNORECASE),
    re.compile(r"\bforeign agent\b.{0,60}\b(designated|declared|registered|label)", re.IGNORECASE),
    re.compile(r"^if you are in [A-Z]", re.IGNORECASE),
    re.compile(r"\bclick here\b", re.IGNORECASE),
    re.compile(r"\ball rights reserved\b", re.IGNORECASE),
    # "All rights reserved" in German, French, Spanish, Italian, Portuguese and Polish.
    re.compile(
        r"(©|\(c\)|copyright|\b(19|20)\d\d\b).{0,80}\b"  # a copyright sign or year first
        r"(alle rechte vorbehalten|tous droits r[ée]serv[ée]s|todos los derechos reservados|"
        r"tutti i diritti riservati|todos os direitos reservados|wszelkie prawa zastrze[żz]one)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(all |the )?(content|text|this (work|article|post|site))\b.{0,40}\blicensed under "
        r"(a|the) creative commons\b",
        re.IGNORECASE,
    ),
    re.compile(r"^(©|\(c\)|copyright\b)", re.IGNORECASE),
    re.compile(
        r"\bmay not be (published|reproduced|broadcast|rewritten|redistributed)\b", re.IGNORECASE
    ),
    re.compile(
        r"\b(this|the) (article|story|piece) (was|is|first) (originally )?"
        r"(published|appeared)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^the (views|opinions) expressed\b", re.IGNORECASE),
    re.compile(r"\bdo(es)? not necessarily reflect\b", re.IGNORECASE),
    re.compile(r"\buncensored news\b", re.IGNORECASE),
    re.compile(r"\bwe provide what\b", re.IGNORECASE),
    re.compile(r"\b(reflects?|represents?) the (views|opinions) of\b", re.IGNORECASE),
    re.compile(r"\bnot necessarily (those|the (views|opinions)) of\b", re.IGNORECASE),
    re.compile(r"\bis not responsible for the content of\b", re.IGNORECASE),
    re.compile(r"\bis funded by (its|our) readers\b", re.IGNORECASE),
    re.compile(
        r"\b(stories|articles|content) (are|is) (produced|published) under\b", re.IGNORECASE
    ),
    re.compile(r"\b(tips|corrections)\?? (to|email)\b.{0,40}@", re.IGNORECASE),
)

# Words of the publisher's own voice. In the tail (after the story ends) a paragraph that talks
# to the reader like this is the outlet speaking about itself, not reporting.
PUBLISHER_VOICE: Final[re.Pattern[str]] = re.compile(r"\b(we|our|us|you|your)\b", re.IGNORECASE)

# --- related-article links ------------------------------------------------------------------------
# Lead-ins that announce links to other stories ("ALSO: Clancy's Commentary: …", "WATCH: …").
RELATED_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(
        r"^(related|read more|read also|also read|see also|more on this|recommended|"
        r"you may also like|you might also like|more from|more stories|related stories|"
        r"related articles|related content|further reading|top stories|editor'?s picks|"
        r"also|more|watch|photos|videos?|listen)"
        r"\s*([:»›|]|$)",
        re.IGNORECASE,
    ),
    # "Read more" / "see also" on German, French, Spanish, Italian, Portuguese, Polish sites.
    re.compile(
        r"^(lesen sie (auch|mehr)|mehr zum thema|das k[öo]nnte (sie|dich) auch interessieren|"
        r"[àa] lire aussi|lire aussi|lea (m[áa]s|tambi[ée]n)|leer m[áa]s|leggi anche|"
        r"leia (tamb[ée]m|mais)|czytaj (te[żz]|tak[żz]e|wi[ęe]cej)|zobacz (te[żz]|tak[żz]e))"
        r"\s*([:»›|]|$)",
        re.IGNORECASE,
    ),
)
# A headline after the story's end is a link to another story if it is this short.
MAX_RELATED_WORDS: Final[int] = 18

# --- credits and bylines --------------------------------------------------------------------------
# Agency credits ("With reporting by AFP and Reuters", "Reporting by …; Editing by …") are
# metadata about who contributed, and they mark the end of the story.
CREDIT_LINE: Final[re.Pattern[str]] = re.compile(
    r"^\(?\s*((with|additional|compiled with|based on) (additional )?reporting (by|from)|"
    r"reporting by|written by .{0,60}; editing by|editing by|compiled by|"
    r"with (files|material|input) from)\b.{0,200}$",
    re.IGNORECASE,
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | Staff writer".
BYLINE: Final[re.Pattern[str]] = re.compile(
    r"^(?:[Bb]y|BY|(?:Posted|Written|Words|Story|Text|Reported) by)\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|von|van|de|der|da|di|al|bin|la|le)){0,4}"
    r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})*)"
    r"\s*(?:[,|/–—-]\s*(?P<rest>.{0,60}))?$",
)
# --- author bios --------------------------------------------------------------------------------
# A bio is a third-person paragraph about the writer. It names a role at an outlet or a career
# step. Used together with its shape (starts with the author's name or a pronoun, sits in the
# tail), never alone.
BIO_CUES: Final[re.Pattern[str]] = re.compile(
    r"\b(co-?founders?|founder|editor|reporter|journalist|correspondent|columnist|"
    r"contributor|contributing|writer|freelance|graduated|degree|studied|is based in|"
    r"covers|has written|has reported|author of|staff writer|fellow at|works? (as|at|for))\b",
    re.IGNORECASE,
)
BIO_OPENERS: Final[tuple[str, ...]] = ("He", "She", "They")
# Where a bio names the outlet: "co-founders of Citizen Truth", "a reporter for The Daily X".
BIO_OUTLET: Final[re.Pattern[str]] = re.compile(
    r"\b(?:co-?founders?|founder|editor(?:-in-chief)?|reporter|correspondent|columnist|"
    r"contributor|writer|staff writer|journalist)\s+(?:of|at|for|with)\s+"
    r"(?P<outlet>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
)
BIO_HEADINGS: Final[re.Pattern[str]] = re.compile(
    r"^(about the author|about the writer|author bio|author)\s*:?$", re.IGNORECASE
)

# A disclaimer whose subject is the outlet: "RFE/RL journalists report …", "RFE/RL has been
# declared …". The leading name-like token is taken as the outlet.
DISCLAIMER_OUTLET: Final[re.Pattern[str]] = re.compile(
    r"^(?P<outlet>[A-Z][\w/&.'’-]*(?:\s+[A-Z][\w/&.'’-]*){0,3})\s+"
    r"(?:journalists|reporters|correspondents|has been (?:declared|designated|labell?ed)|"
    r"is an? (?:independent|non-?profit|private|public)|is funded by|is not responsible|"
    r"(?:stories|articles) are)\b"
)
# Copyright lines name the owner: "© 2017 Reuters", "Copyright 2018 The Daily X".
COPYRIGHT_OUTLET: Final[re.Pattern[str]] = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?"
    r"(?P<outlet>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})",
    re.IGNORECASE,
)

# Section names of a site's menu. A masthead line near the top names the outlet; these do not.
SECTION_NAMES: Final[frozenset[str]] = frozenset(
    {
        "news",
        "world",
        "world news",
        "business",
        "markets",
        "politics",
        "opinion",
        "analysis",
        "sport",
        "sports",
        "culture",
        "arts",
        "science",
        "technology",
        "tech",
        "health",
        "environment",
        "climate",
        "europe",
        "middle east",
        "asia",
        "africa",
        "americas",
        "us news",
        "uk news",
        "local news",
        "breaking news",
        "latest news",
        "top stories",
        "video",
        "videos",
        "podcasts",
        "lifestyle",
        "travel",
        "economy",
        "features",
        "investigations",
        "in depth",
        "live",
        "weather",
        "more",
        "home",
        "campaigns",
    }
)

# --- shape thresholds -----------------------------------------------------------------------------
# A body paragraph is prose: it ends like a sentence. Headlines and menu items do not.
SENTENCE_END: Final[str] = ".?!\"'”’)…:;"
# Fewer words than this is a label or a menu entry, not a sentence ("Share this:").
MIN_SENTENCE_WORDS: Final[int] = 2
# A title is a line, not a paragraph.
MAX_TITLE_WORDS: Final[int] = 25
MIN_TITLE_WORDS: Final[int] = 3
# A person's name on its own line ("Lauren von Bernuth").
MAX_NAME_WORDS: Final[int] = 5
# How many lines at the very top may hold menu items; furniture lives at the edges.
HEAD_LINES: Final[int] = 12
# A caption printed twice (image caption, then its alt text or a lightbox copy) repeats within a
# few lines; a sentence repeated far away is a teaser, a contents entry or a pull quote, and the
# line model judges which copy is the article's.
DUPLICATE_WINDOW: Final[int] = 3

# --- stated publication dates -------------------------------------------------------------------
# Month names as they appear in English datelines ("March 3, 2017", "3 Mar 2017").
MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# A full or partial date written out; used only on short date-like lines near the edges, where
# a date is the page's statement of when it was published.
DATE_FORMS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    # Day first with dots, as in much of Europe: "22.01.2025".
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(19|20)\d\d)\b"),
    re.compile(
        _MONTH + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.IGNORECASE
    ),
    re.compile(
        r"\b(?P<day>\d{1,2})(st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^" + _MONTH + r"\s+(?P<year>(19|20)\d\d)$", re.IGNORECASE),
)
# Words that introduce a page's own date ("Published: …", "Updated …").
DATE_LINE_LEAD: Final[re.Pattern[str]] = re.compile(
    r"^(published|posted|updated|last updated|first published|date|on)\b\s*(on|at)?\s*:?\s*",
    re.IGNORECASE,
)
MAX_DATE_LINE_WORDS: Final[int] = 12

# Every way a page writes one of its own dates, for reading the publication date (the forms
# above stay as they are: the line model was trained on them). Named groups: ``weekday``,
# ``month`` (a name) or ``mnum``, ``day``, ``year`` or ``yy`` (two digits, numeric forms only).
WEEKDAYS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_YEAR4 = r"(?P<year>(?:19|20)\d\d)"
PAGE_DATE_FORMS: Final[tuple[re.Pattern[str], ...]] = (
    # "2016-10-04", "2016-10-04T19:05".
    re.compile(r"(?<![\d-])" + _YEAR4 + r"-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])"),
    # "Tuesday, Oct. 4, 2016", "March 29th 2015", "Oct 4 2016".
    re.compile(
        r"\b" + _WEEKDAY + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR4 + r"\b",
        re.IGNORECASE,
    ),
    # "3 Mar, 2016", "Tuesday 4 October 2016".
    re.compile(
        r"\b"
        + _WEEKDAY
        + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+"
        + _MONTH
        + r",?\s+"
        + _YEAR4
        + r"\b",
        re.IGNORECASE,
    ),
    # "22.01.2025" (day first, as in much of Europe).
    re.compile(
        r"(?<![\d.])"
        + _WEEKDAY
        + r"(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\."
        + _YEAR4
        + r"(?![\d.])",
        re.IGNORECASE,
    ),
    # "10-04-2016", "Tue 06/30/2015", "5/14/16": month first unless the first number is no month.
    re.compile(
        r"(?<![\d/.-])" + _WEEKDAY + r"(?P<first>[0-3]?\d)(?P<sep>[/-])(?P<second>[0-3]?\d)(?P=sep)"
        r"(?:(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d))(?![\d/-])",
        re.IGNORECASE,
    ),
)
# Words that introduce a page's own date anywhere in a short line ("… Updated: Nov 14, 2016",
# "Posted 3:57 AM, May 26, 2015, by …"); ``kind`` tells a first publication from an update.
PAGE_DATE_LABEL: Final[re.Pattern[str]] = re.compile(
    r"\b(?:(?P<published>published|posted|created|first published|date|dated|filed|"
    r"released|issued)|(?P<updated>last updated|updated|update|modified|last modified|"
    r"revised))\b\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
# A clock time and its zone, which may sit between a label and its date.
CLOCK_TIME: Final[re.Pattern[str]] = re.compile(
    r"\b\d{1,2}(?::\d\d){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?",
    re.IGNORECASE,
)
# Short lines that read as a page's date stamp, not as a sentence, may hold at most this many
# words besides the date, a clock time and a label (a byline's name and outlet fit).
MAX_PAGE_DATE_WORDS: Final[int] = 20
# A headline, "Posted:" and "Updated:" stamps with their times may share one line.
MAX_PAGE_DATE_LINE_WORDS: Final[int] = 32
# Embedded posts carry their own dates: "— Mesa Police (@MesaPD) March 18, 2015".
EMBEDDED_POST: Final[re.Pattern[str]] = re.compile(
    r"\(@\w+\)|pic\.twitter\.com|\binstagram\b|\bfacebook\.com\b", re.IGNORECASE
)
# A date opening the first paragraph in brackets: "(05/24/15) - It has been …".
BRACKET_DATELINE: Final[re.Pattern[str]] = re.compile(r"^\(\s*(?P<date>[^()]{6,40}?)\s*\)\s*[-–—]")
# Dates in a page's address: "/2016/10/04/", "/2016/oct/04/", "/2016-10-04/", "-20161004-",
# and a month alone: "/2016/10/". Years outside this range are identifiers, not dates.
URL_YEARS: Final[tuple[int, int]] = (1990, 2039)
URL_DATE_FORMS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(
        r"/(?P<year>(?:19|20)\d\d)/(?:(?P<mnum>[01]?\d)|" + _MONTH + r")/(?P<day>[0-3]?\d)"
        r"(?=[/_.-]|$|\?)",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(r"(?<=[/_-])(?P<year>(?:19|20)\d\d)(?P<mnum>[01]\d)(?P<day>[0-3]\d)(?=[/_.?-]|$)"),
    re.compile(
        r"/(?P<year>(?:19|20)\d\d)/(?:(?P<mnum>[01]?\d)|" + _MONTH + r")(?=/)", re.IGNORECASE
    ),
)
# The address of the page itself behind an archive's copy: the copy's timestamp says when it
# was archived, not when the page was published.
ARCHIVED_URL: Final[re.Pattern[str]] = re.compile(
    r"^https?://(?:web\.)?archive\.org/web/\d+[a-z_]*/(?P<url>.+)$", re.IGNORECASE
)

# --- dating clues in the body -------------------------------------------------------------------
# A four-digit year in the plausible range of news we read.
YEAR: Final[re.Pattern[str]] = re.compile(r"(?<![\d,.])(?P<year>19[5-9]\d|20[0-4]\d)(?!\d|,\d)")
# Words before a year that make it an identifier, not a date ("Resolution 2008").
YEAR_NOT_DATE_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(resolution|no\.|number|article|flight|route|model|section|room|code)\s*$",
    re.IGNORECASE,
)
# A year or date written as a target, a deadline or a scheduled event is still ahead of the
# writer, so the article predates it: "scheduled for Feb. 8, 2017", "will be sentenced on …".
AHEAD_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:deadline of|target of|due in|expected in|"
    r"(?:scheduled|slated|set|due|planned|expected)(?:\s+[\w-]+){0,3}?\s+(?:for|on|in|by|until|at)|"
    r"will(?:\s+[\w-]+){0,3}?\s+(?:on|in|by|until|at|for))\s+(?:the (?:end|start|middle) of\s+)?$",
    re.IGNORECASE,
)
# "by 2019", "until 2012", "through 2010" are ahead only in a sentence about the future ("the
# army will be ready by 2019"); in a past one ("served until August 2012") they are history.
MAYBE_AHEAD_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:by|until|till|before|ahead of|through)\s+(?:the (?:end|start|middle) of\s+)?$",
    re.IGNORECASE,
)
FUTURE_MARKER: Final[re.Pattern[str]] = re.compile(
    r"\b(?:will|shall|plans?|planned|aims?|intends?|intention|expects?|expected|goal|target|"
    r"deadline|promis\w*|pledg\w*|vow\w*|to be|would be|is to|are to|going to)\b",
    re.IGNORECASE,
)
# Words before a role that put its holder out of office: "former President Obama".
NOT_IN_OFFICE_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:former|ex|then|late|outgoing|incoming|future|next|elected)[\s-]+$", re.IGNORECASE
)
# A page keeps its first date while updates add later events: a date the text reports as past
# moves the earliest possible publication day no later than this many days before it.
UPDATE_REACH_DAYS: Final[int] = 7
# A date written with its weekday is within this many days of the writing (news style names
# the weekday only for the week around the story: "on Sunday, Aug. 9, 2015").
WEEKDAY_DATE_REACH_DAYS: Final[int] = 7
# "two decades after 1999", "five years since 2014": fixes a lower bound from an anchor year.
# Spelled-out counts in those spans, "a decade after" included.
NUMBER_WORDS: Final[dict[str, int]] = {"a": 1, "an": 1} | {
    word: value for word, value in UNITS_WORDS.items() if value
}
SPAN_AFTER_YEAR: Final[re.Pattern[str]] = re.compile(
    r"\b(?P<hedge>nearly|almost|about|some|more than|over)?\s*(?P<n>"
    + "|".join(NUMBER_WORDS)
    + r"|\d+)\s+(?P<unit>years?|decades?)\s+(after|since)\s+"
    r"(?:\S+\s+){0,4}?(?P<year>19[5-9]\d|20[0-4]\d)\b",
    re.IGNORECASE,
)
# Relative time expressions: they say the writer was close to an event but need the article's
# date to resolve, so they are named in the evidence rather than computed.
RELATIVE_HINTS: Final[re.Pattern[str]] = re.compile(
    r"\b(?:last|this|next)\s+(?:week|month|year|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|spring|summer|autumn|fall|winter)\b|"
    r"\b(?:\w+\s+)?(?:years?|months?|weeks?|decades?)\s+ago\b|\bearlier this (?:week|month|year)\b",
    re.IGNORECASE,
)

# Office holders and eras whose terms are public record. When an article gives a person a
# role ("Serbian Prime Minister Aleksandar Vucic"), the article falls inside that term. This is
# world knowledge, not text: it dates an article that never prints a year. Each entry is
# (name pattern, role pattern, first month, last month or None while in office, label).
# Extend it with the office holders of the stories being read.
TENURES: Final[tuple[tuple[str, str, str, str | None, str], ...]] = (
    (
        r"Trump",
        r"administration|President|White House",
        "2017-01",
        None,
        "the Trump administration (from 2017)",
    ),
    (
        r"Obama",
        r"administration|President",
        "2009-01",
        "2017-01",
        "the Obama administration (2009–2017)",
    ),
    (
        r"Biden",
        r"administration|President",
        "2021-01",
        "2025-01",
        "the Biden administration (2021–2025)",
    ),
    (
        r"Guterres",
        r"Secretary[- ]General|UN chief",
        "2017-01",
        None,
        "António Guterres as UN secretary-general (from 2017)",
    ),
    (
        r"Ban Ki-moon",
        r"Secretary[- ]General|UN chief",
        "2007-01",
        "2016-12",
        "Ban Ki-moon as UN secretary-general (2007–2016)",
    ),
    (
        r"Stoltenberg",
        r"Secretary[- ]General|NATO chief|NATO head",
        "2014-10",
        "2024-09",
        "Jens Stoltenberg as NATO secretary-general (2014–2024)",
    ),
    (
        r"Rasmussen",
        r"Secretary[- ]General|NATO chief",
        "2009-08",
        "2014-09",
        "Anders Fogh Rasmussen as NATO secretary-general (2009–2014)",
    ),
    (
        r"Mogherini",
        r"foreign policy chief|High Representative",
        "2014-11",
        "2019-11",
        "Federica Mogherini as EU foreign policy chief (2014–2019)",
    ),
    (r"Merkel", r"Chancellor", "2005-11", "2021-12", "Angela Merkel as chancellor (2005–2021)"),
)

# --- the reader addressed -----------------------------------------------------------------------
# News reports about third parties; prompts, teasers, newsletter boxes and comment forms speak
# to the reader. The share of these words in a line is one of the line model's signals. German
# "Sie" is left out: it is also "she" and "they".
READER_ADDRESS: Final[frozenset[str]] = frozenset(
    {
        "you",
        "your",
        "yours",
        "du",
        "dein",
        "deine",
        "dich",
        "dir",
        "euch",
        "vous",
        "votre",
        "vos",
        "tu",
        "usted",
        "ustedes",
    }
)
# Links and addresses: a line carrying one is a reference, a credit or a contact, rarely prose.
LINK: Final[re.Pattern[str]] = re.compile(r"https?://|www\.|\S@\S+\.\w", re.IGNORECASE)

# --- text density -------------------------------------------------------------------------------
# Pages shorter than this (in non-empty lines) are a pasted article, not a scraped page: the
# learned line model (menus, teasers and comments judged by their surroundings) is skipped.
MIN_LINES_FOR_DENSITY: Final = 40
