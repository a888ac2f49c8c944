"""A corpus of several events with wire copies, built from examples/story and text written here.

Shared by the grouping and batch tests. The flood and the strike are invented like the
example story; each event has articles from different outlets (different words, same names
and facts) and the wire copies are republished texts with a new header and a changed word.
"""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "story"

FLOOD = {
    "flood_1_riverpost.txt": """Brennick floods as the Ardle bursts its banks

By Tomas Vey, Riverpost

BRENNICK, April 3 - The Ardle river burst its banks at Brennick on Sunday night, flooding
about 400 homes in the lower town and forcing the evacuation of the Saint Oda hospital,
the Ardle Valley council said.

Council leader Ines Marrow said pumps from Kettering Fire Service were working through the
night. "We have never seen the Ardle this high," Marrow told reporters at the Brennick
town hall. The river peaked at 5.2 metres, a record for the Brennick gauge.

The Ardle Valley council opened two shelters in the Brennick sports hall and said the
weir at Colden Mill had failed under the weight of water.""",
    "flood_2_valleytimes.txt": """Record Ardle flood: Brennick hospital evacuated, weir failed

Valley Times staff

Residents of Brennick spent Monday pumping water out of their homes after the Ardle
reached 5.2 metres, the highest level since records began. Patients of Saint Oda hospital
were moved to Colden by ambulance.

Ines Marrow, who leads the Ardle Valley council, blamed the collapse of the Colden Mill
weir and promised an inquiry. Engineers from Kettering Fire Service said the water in
Brennick would take days to recede. Insurers estimate damage to some 400 homes.""",
    "flood_3_northwire.txt": """Brennick residents ask why the Colden Mill weir failed

By Hana Lusk, Northwire

Anger grew in Brennick on Tuesday as the Ardle floodwater fell and residents asked why
warnings about the Colden Mill weir were ignored. The Ardle Valley council had been told
in 2022 that the weir needed repairs, according to documents seen by Northwire.

Council leader Ines Marrow said the inquiry would look at every report. Saint Oda hospital
reopened its upper wards. Around 400 homes in Brennick remain without power.""",
}

STRIKE = {
    "strike_1_ledger.txt": """Tarnwell miners walk out over pay at Greyholm pit

By Ola Brandt, Quarry Ledger

TARNWELL, June 9 - About 1,800 miners at the Greyholm pit near Tarnwell walked out on
Friday after talks on pay broke down, the Hollin Mineworkers Union said.

Union secretary Piet Vandal said Greyholm Minerals had offered a rise of 2 percent, far
below inflation. "Tarnwell will not dig for less," Vandal said outside the pit gate.
Greyholm Minerals said the strike would halt copper output at its largest mine.""",
    "strike_2_courier.txt": """Greyholm copper output halted as Tarnwell strike spreads

Mining Courier

Copper production at Greyholm Minerals stopped on Saturday as the strike by the Hollin
Mineworkers Union at the Tarnwell pit entered its second day. Piet Vandal, the union's
secretary, said pickets would stay until Greyholm improved its 2 percent pay offer.

Greyholm Minerals chief executive Rosa Kell called the walkout unlawful and said the
company would go to the Tarnwell labour court. About 1,800 miners have joined the strike.""",
    "strike_3_press.txt": """Tarnwell court orders Greyholm and miners' union back to talks

By Ivo Stern, Hollin Press

The labour court in Tarnwell on Monday ordered Greyholm Minerals and the Hollin
Mineworkers Union to resume pay talks within a week. Piet Vandal welcomed the ruling,
while Rosa Kell said Greyholm would respect it. The strike by some 1,800 miners at the
Greyholm pit continues until the talks begin.""",
}


def wire_copy(text: str, outlet: str) -> str:
    """A republished wire story: another site's header, one word changed, same body."""
    body = text.replace("approved", "passed", 1).replace("burst", "broke", 1)
    return f"{outlet}\nHome | News | World\n\n{body}\n\nShare this article"


def event_corpus(folder: Path) -> dict[str, str]:
    """Write the mixed corpus into ``folder``, interleaved; → file name → event."""
    example = sorted(EXAMPLE.glob("*.txt"))
    ports = {p.name: p.read_text("utf-8") for p in example}
    first_port = ports[example[0].name]
    files: list[tuple[str, str, str]] = []
    flood = list(FLOOD.items())
    strike = list(STRIKE.items())
    port = list(ports.items())
    for i in range(4):
        files.append(("port", *port[i]))
        if i < 3:
            files.append(("flood", *flood[i]))
            files.append(("strike", *strike[i]))
    files.insert(3, ("port", "port_copy_dailyecho.txt", wire_copy(first_port, "Daily Echo")))
    files.append(
        ("flood", "flood_copy_metro.txt", wire_copy(FLOOD["flood_1_riverpost.txt"], "Metro"))
    )
    folder.mkdir(parents=True, exist_ok=True)
    events: dict[str, str] = {}
    for n, (event, name, text) in enumerate(files):
        path = folder / f"{n:02d}_{name}"
        path.write_text(text, "utf-8")
        events[path.name] = event
    return events
