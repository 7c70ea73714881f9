"""An invented story for the variants and wire-copy tests: a flood closes a town's bridge.

Every sentence here was written for these tests (no real article, outlet or person).
``write_story`` writes one Markdown file per outlet: independent reports built from
paragraph pools (any two share at most one pool paragraph, so none is a near
duplicate of another), the mayor's promise quoted in one of three wordings, a
damage figure that the mayor and the fire service give differently, and optionally
one agency story run by three outlets with light edits.
"""

from __future__ import annotations

from pathlib import Path

MAYOR = "Ana Ortiz"
AGENCY = "AFP"
WORDINGS = (
    "We will reopen the bridge before the winter comes",
    "We will reopen the bridge before winter comes",
    "We hope to reopen the bridge before the winter comes",
)
LEADS = (
    "The river crossing at Brackenford will stay closed for months after a flood washed out "
    "part of its eastern pier, council engineers said.",
    "Engineers found a cracked pier under the Brackenford bridge, and the town's main road link "
    "to the south is now expected to remain shut well into the autumn.",
    "Brackenford woke to barriers and diversion signs after inspectors declared its only bridge "
    "unsafe following the worst flooding the valley has seen in decades.",
    "A week after the water receded, the old stone bridge that carries most traffic in and out "
    "of Brackenford remains fenced off while divers examine its foundations.",
    "Residents of Brackenford face a long detour for the foreseeable future after the town "
    "council closed its bridge over the Hollin river on safety grounds.",
)
MIDDLES = (
    "Shopkeepers on the high street said trade had already fallen sharply since the closure "
    "began, with fewer visitors willing to make the trip around the valley.",
    "School buses have been rerouted through Hollin Cross, adding nearly forty minutes to some "
    "pupils' journeys each morning, parents told a packed meeting.",
    "The county has asked the national roads agency for emergency funding, though officials "
    "would not say how much the repairs were likely to cost.",
    "Farmers on the southern bank said they could no longer reach the livestock market in time "
    "and feared losses if the crossing stayed shut through the spring.",
    "A temporary footbridge could be in place within weeks, the council's transport committee "
    "heard, but it would not carry cars or delivery vans.",
)
CLOSES = (
    "Divers are expected to finish their survey of the foundations by the end of the month.",
    "The council said it would publish a timetable for the works once the survey was complete.",
    "Emergency crews spent the weekend clearing debris that had piled up against the arches.",
    "Several families whose homes flooded are still staying with relatives outside the town.",
    "A public meeting on the closure is planned for next week at the community centre.",
)
FIGURES = (
    f"Mayor {MAYOR} said 40 homes were damaged by the flood.",
    "Fire chief Tomas Reyes said 65 homes were damaged by the flood.",
)
ATTRIBUTIONS = (
    f"\u201c{{q}},\u201d Mayor {MAYOR} told reporters at the town hall.",
    f"Mayor {MAYOR} said: \u201c{{q}}.\u201d",
    f"\u201c{{q}},\u201d said Mayor {MAYOR}, speaking outside the council offices.",
)

WIRE_TEXT = (
    f"BRACKENFORD, March 10 ({AGENCY}) - The only road bridge into the riverside town of "
    "Brackenford will remain closed for several months after floodwater undermined one of its "
    "piers, local officials said on Monday.",
    f"\u201c{WORDINGS[0]},\u201d Mayor {MAYOR} said at a news conference, adding that engineers "
    "were still assessing the scale of the damage to the structure.",
    "The closure has cut the most direct route between the town and the regional hospital, "
    "forcing ambulances to take a detour of more than twenty kilometres through the hills.",
    "Divers began examining the foundations over the weekend, and the county council said it "
    "had asked the national government for help to pay for the repairs, which officials "
    "privately expect to run well into next year.",
    "The flooding followed three days of heavy rain across the valley, the worst the area has "
    "recorded since records began more than a century ago, according to the weather service.",
)


def independent_outlets(n: int) -> list[str]:
    return [f"Brackenford Outlet {k + 1:02d}" for k in range(n)]


WIRE_OUTLETS = ("Harbour Gazette", "Lakeside Evening Post", "Upland Daily Star")


def _independent(k: int, wording: str) -> str:
    block = k // len(LEADS)
    lead = LEADS[k % 5]
    middle = MIDDLES[(k + block) % 5]
    close = CLOSES[(k + 2 * block) % 5]
    quote = ATTRIBUTIONS[k % 3].format(q=wording)
    return "\n\n".join((lead, quote, FIGURES[k % 2], middle, close))


def _wire_copy(k: int) -> tuple[str, str]:
    """The agency story as each of three outlets ran it, lightly edited."""
    paragraphs = list(WIRE_TEXT)
    title = "Flood-hit Brackenford bridge to stay shut for months"
    if k == 1:
        title = "Brackenford bridge closed for months after floods"
        paragraphs = paragraphs[:-1]  # trimmed for space
    if k == 2:
        paragraphs[2] = paragraphs[2].replace("more than twenty", "over 20")
        paragraphs.append("Additional reporting by our correspondent.")
    return title, "\n\n".join(paragraphs)


def _write(folder: Path, name: str, title: str, outlet: str, body: str, day: int) -> None:
    front = f"---\ntitle: {title}\ndate: 2025-03-{day:02d}\noutlet: {outlet}\n---\n"
    (folder / f"{name}.md").write_text(front + body + "\n", encoding="utf-8")


def write_story(folder: Path, wordings: list[int], wire: bool) -> dict[str, str]:
    """Write one article per entry of ``wordings`` (the index of the wording it prints),
    plus three wire copies if ``wire``; returns each outlet's wording."""
    folder.mkdir(parents=True, exist_ok=True)
    printed = {}
    for k, (outlet, w) in enumerate(zip(independent_outlets(len(wordings)), wordings)):
        _write(folder, f"outlet-{k + 1:02d}", f"Brackenford bridge report {k + 1}", outlet,
               _independent(k, WORDINGS[w]), 10 + k % 2)
        printed[outlet] = WORDINGS[w]
    if wire:
        for k, outlet in enumerate(WIRE_OUTLETS):
            title, body = _wire_copy(k)
            _write(folder, f"wire-{k + 1}", title, outlet, body, 10 + (k > 0))
            printed[outlet] = WORDINGS[0]
    return printed
