"""The reporting-verb lexicon: verbs that introduce what someone said or wrote, as data.

``REPORTING_LEMMAS`` holds base forms; :func:`inflections` spells out the finite forms
the word-level rules match ("thundered", "implores"), and the parse step
(``builder.extract.governing``) matches the lemma a tagger gives. Base forms that are
mostly nouns in news prose ("report", "state", "post", "release") appear here as
lemmas for the parser, which tells a verb from a noun, but only in their
unambiguous inflections (``NOUNLIKE_BASES``) for the word rules.
"""

from __future__ import annotations

REPORTING_LEMMAS = frozenset("""
say tell add state assert urge warn insist claim stress note tweet post write explain reply respond
acknowledge admit argue declare announce continue emphasize emphasise reiterate reaffirm recall remark
observe suggest describe call label believe confirm deny vow promise pledge predict concede caution
complain boast joke quip shout ask answer mention comment conclude testify maintain contend counter
agree express allege report demand threaten accuse speak talk
implore gush thunder fume upbraid bellow yell scream cry exclaim shriek holler roar snap snarl growl
hiss mutter murmur whisper sigh groan moan lament bemoan grumble grouse gripe whine rant rail fulminate
blast slam lash rip chide scold rebuke reprimand berate castigate chastise admonish lecture scoff sneer
mock taunt jeer tease needle ridicule deride lampoon rebut retort riposte respond reply counter
dispute contest challenge question query wonder muse ponder reflect reminisce recount relate narrate
describe detail outline summarize summarise explain clarify elaborate expound specify add interject
interrupt chime continue resume begin start open close conclude end finish wrap sum
insist maintain aver avow affirm attest assure reassure promise swear guarantee vouch certify
confess concede admit acknowledge allow grant own recognize recognise accept
announce proclaim pronounce declare decree broadcast trumpet tout hail herald laud praise extol
applaud commend compliment congratulate thank celebrate cheer welcome
argue reason contend posit propose suggest submit theorize theorise speculate hypothesize guess
predict forecast project estimate anticipate expect foresee prophesy
warn caution alert advise counsel recommend urge exhort implore beg plead beseech entreat petition
appeal pray request ask demand insist press push lobby call
complain protest object grumble carp criticize criticise condemn denounce decry deplore censure
fault blame accuse charge allege claim contend assert
deny refute reject dismiss rebuff rebut repudiate disavow disown dispute contradict correct
note observe remark comment mention point cite quote reference
tell inform notify brief update advise apprise reveal disclose divulge leak confide admit
write pen post tweet blog text email message type scrawl jot draft publish print sign
say speak talk chat converse utter voice vocalize verbalize articulate enunciate
shout yell scream cry bellow holler roar call exclaim
whisper murmur mutter mumble
laugh chuckle giggle smile grin joke quip jest
gasp sob weep wail
stammer stutter
repeat reiterate echo restate
insinuate imply hint intimate signal indicate
acknowledge confirm verify corroborate
boast brag crow gloat
vow pledge swear promise commit
threaten menace
concur agree assent
caution
emphasize emphasise stress underscore underline highlight
predict
pontificate opine editorialize editorialise moralize
charge
describe characterize characterise portray paint brand dub term label style christen nickname
tout
preach proselytize
retort
question interrogate quiz grill probe press
testify depose
remind
concede
suggest
explain justify defend rationalize rationalise
apologize apologise
respond
recount
summarize summarise
insist
lament
marvel rave enthuse gush
worry fret fear
assure
plead
interject
offer
conclude
hint
joke
muse read find
bark chant sing
""".split())

# Lemmas whose base or -s form is usually a noun in news prose: the word rules match
# only their past and participle forms ("reported", "stated"), the parser all of them.
NOUNLIKE_BASES = frozenset("""
report state post release call claim comment note statement blast slam charge cry cheer point
question quote reference text email message type sign draft print record update leak
offer protest plead project signal voice echo joke laugh smile grin sob gasp
fear worry lobby counsel appeal petition request demand answer reply respond
estimate forecast guess rave push press probe quiz grill paint brand term style
record issue tweet blog text email message
""".split())

# Irregular past forms.
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "speak": ("spoke", "spoken"),
    "swear": ("swore", "sworn"), "begin": ("began", "begun"), "foresee": ("foresaw", "foreseen"),
    "grant": ("granted",), "forecast": ("forecast",), "broadcast": ("broadcast",),
    "own": ("owned",), "pen": ("penned",), "jot": ("jotted",), "chat": ("chatted",),
    "quip": ("quipped",), "snap": ("snapped",), "rip": ("ripped",), "slam": ("slammed",),
    "scrawl": ("scrawled",), "plead": ("pleaded", "pled"), "text": ("texted",),
    "commit": ("committed",), "find": ("found",), "admit": ("admitted",), "submit": ("submitted",), "stop": ("stopped",),
    "refer": ("referred",), "prefer": ("preferred",), "compel": ("compelled",),
    "sing": ("sang", "sung"), "blog": ("blogged",), "sum": ("summed",), "wrap": ("wrapped",),
    "fret": ("fretted",), "rebut": ("rebutted",), "quiz": ("quizzed",), "dub": ("dubbed",),
    "beg": ("begged",),
}
# Forms that are something else far more often than a reporting verb.
NOT_CUES = frozenset("""
states open opens close closes end ends start starts finish finishes sign signs print prints
type types offer offers record records issue issues press presses call calls wrap wraps sum sums
grant grants own owns allow allows accept accepts end ended ending start started starting
begin begins began begun finished opened closed signal signals project projects update updates
charge charges paint paints brand brands style styles term terms cheer cheers probe probes
speak speaks spoke spoken talk talks talked
find
""".split())  # ("X had spoken with Y" reports a conversation, not words; "voters would find it
# "hard"" finds nothing said: "finds" and "found" stay, for studies and reports)
# Verbs and particles that report only before what they report ("the senator went on, "..."",
# "went on to say", "went on about"), not before a noun ("once the Senate goes on recess").
PHRASAL_BEFORE_REPORT = frozenset({("went", "on"), ("goes", "on")})
# Cue forms that are no cue after a form of "be": "a Marine was found guilty".
NOT_CUES_PASSIVE = frozenset({"found"})


# Lemmas too common outside reporting for the word rules ("allowed", "accepted",
# "welcomed"): only the parse step reads them, and only as the verb governing a quotation.
WEAK_LEMMAS = frozenset("""
accept allow grant own recognize recognise begin start open close end finish wrap sum offer fear
worry expect anticipate project estimate welcome celebrate thank defend justify commit signal
indicate smile grin laugh chuckle giggle sob weep wail gasp remind publish print sign draft type
text message email leak push press lobby question challenge probe quiz grill paint brand style
term charge cheer hail herald praise applaud commend compliment congratulate accuse blame fault
reflect relate reference call chat post read
""".split())


def inflections(lemma: str) -> set[str]:
    """-s, -ed and -ing forms of a regular verb (plus listed irregular forms)."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma in _IRREGULAR:
        forms.update(_IRREGULAR[lemma])
        double = lemma + lemma[-1]
        forms.add(double + "ing" if _IRREGULAR[lemma][0].startswith(double) else
                  (lemma[:-1] if lemma.endswith("e") else lemma) + "ing")
        return forms
    if lemma.endswith("ee"):
        forms.update({lemma + "d", lemma + "ing"})
    elif lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


def word_cues() -> frozenset[str]:
    """The finite and participle forms the word-level rules treat as cue verbs."""
    out: set[str] = set()
    for lemma in REPORTING_LEMMAS - WEAK_LEMMAS:
        forms = inflections(lemma)
        if lemma in NOUNLIKE_BASES:
            forms = {f for f in forms if f.endswith(("ed", "ing")) or f in _IRREGULAR.get(lemma, ())}
        out |= forms
    return frozenset(out - NOT_CUES)


# Nouns that stand for what was said or written and take the place of a verb cue:
# "the lawsuit says", "the complaint alleges", "according to the report". Their holder
# is a document speaker, named with its issuer where the text gives one.
DOCUMENT_NOUNS = frozenset("""
lawsuit suit complaint indictment report filing petition motion brief affidavit ruling order
opinion verdict judgment judgement decision memo memorandum letter statement release communique
communiqué email e-mail post tweet message note study survey poll analysis audit review
investigation inquiry probe document documents paper papers dossier bill law legislation
resolution proposal plan policy guidance guidelines manifesto platform transcript
ad advertisement commercial spot video website site blog editorial column op-ed article story reply
book memoir account feed
""".split())

# The voice of a broadcast document: "a narrator in the Cole ad asks" -- the ad speaks.
VOICE_NOUNS = frozenset({"narrator", "announcer", "voiceover", "voice-over"})
# A document's issuer after it: "a lawsuit filed by the Harbour Board", "a memo from the
# mayor's office", "a page on the Cole campaign's website". ("obtained by", "seen by" name who
# has the document, not who wrote it.)
ISSUING_PARTICIPLES = frozenset("""
filed released issued published written prepared signed sent submitted drafted posted
commissioned produced authored brought
""".split())
ISSUER_PREPOSITIONS = frozenset({"by", "from"})
# "on X's website": the owner of the place where a document is published issued it.
PUBLISHING_PLACES = frozenset({"website", "site", "page", "blog", "account", "feed", "channel"})

# Verb and particle pairs that report: "the senator went on, ...", "she shot back".
PHRASAL_CUES = frozenset({
    ("went", "on"), ("goes", "on"), ("shot", "back"), ("fired", "back"), ("hit", "back"), ("chimed", "in"),
    ("weighed", "in"), ("pointed", "out"), ("spoke", "out"), ("lashed", "out"), ("wrote", "back"),
    ("cut", "in"), ("broke", "in"), ("piped", "up"), ("summed", "up"), ("cried", "out"), ("called", "out"),
    ("put", "it"), ("puts", "it"),  # "as the memo put it"
})
# A cue word followed by these is doing something else: "will continue to be", "agreed with".
NOT_CUE_FOLLOWERS = frozenset({
    ("continue", "to"), ("continues", "to"), ("continued", "to"), ("continue", "with"),
    ("continues", "with"), ("continued", "with"), ("agreed", "to"), ("agrees", "to"), ("agree", "to"),
    ("asked", "for"), ("asks", "for"), ("called", "for"), ("calls", "for"), ("called", "on"), ("calls", "on"),
})


# Words that open what a cue reports when they follow it: "said he would", "said that",
# "added the plan", "said both sides" (unlike "said on Monday", "said to laughs").
REPORTED_OPENERS = frozenset("""
he she it they we i you there that the a an his her its their our my your both this these those
no all some most many much nothing none everyone everybody nobody
""".split())
