"""Rules as data for quotations and speakers: quote marks, cue words, titles, pronouns.

Everything here is lower-case unless it is a mark. ``builder.extract.quotes`` and
``builder.extract.cast`` read these sets; extend them without touching control flow.
"""

from __future__ import annotations

import re

from builder.patterns.cues import word_cues

# Quotation marks. Direction is read from context (scraped news mixes “ ” " freely,
# and even closes “ with “), so the glyph only says which family a mark belongs to.
DOUBLE_MARKS = frozenset("\"“”„‟«»")
SINGLE_MARKS = frozenset("'‘’‚‛")
# Characters after which a mark opens a quotation, and before which a mark closes one.
OPENING_CONTEXT = frozenset("([{—–―-/")
CLOSING_CONTEXT = frozenset(".,;:!?)]}—–―-…/")
# Words that start with an elision apostrophe: 'n', 'em, 'til ... (never an opening quote).
ELISIONS = frozenset({"n", "em", "til", "tis", "twas", "cause", "bout", "round", "cos", "s"})

# Words that never follow a plural possessive ("the players' union"): after s' they
# show the mark closes a quotation ("would 'not second-guess' the bank").
NOT_AFTER_POSSESSIVE = frozenset("""
the a an this that these those his her its their our my your and but or nor as than
to of in on at by for from with into about after before over under if when while because
he she it they we you i who which said says told added
""".split())

FRAGMENT_MAX_WORDS = 3  # a quotation of 1-3 words is a scare quote
UNCLOSED_MAX_WORDS = 40  # an unclosed quotation running to the paragraph end is kept up to this length
# A quotation opening a paragraph may be attributed this many sentences later, by name:
# `"We had no warning." The river rose overnight. Farmer Ian Doyle said ...`.
LATER_SENTENCES_MAX = 2
SPLIT_GAP_MAX_TOKENS = 25  # `"A," he said, "B."`: the attribution between two halves is short

# Cue verbs: the speaker is the subject on their left (`X said`), or on their right
# after a quotation (`"...," said X`) for the verbs in INVERTING_CUES.
# Base forms that double as nouns ("state", "post", "report") are left out.
CUE_VERBS = frozenset("""
say says said saying tells told telling adds added adding
states stated stating asserts asserted asserting urges urged urging
warn warns warned warning insist insists insisted insisting claims claimed claiming
stresses stressed stressing notes noted noting tweets tweeted tweeting
posted posting writes wrote writing explains explained explaining
replies replied replying responds responded responding
acknowledges acknowledged acknowledging admits admitted admitting
argues argued arguing declares declared declaring
announces announced announcing continues continued
emphasizes emphasized emphasizing emphasises emphasised emphasising
reiterates reiterated reiterating reaffirms reaffirmed reaffirming
recalls recalled recalling remarked remarking observes observed
suggests suggested suggesting describes described describing
called calling labels labeled labelled labeling labelling
believes believed confirms confirmed confirming denies denied denying
vows vowed vowing promised promising pledges pledged pledging
predicts predicted predicting concedes conceded conceding
cautions cautioned cautioning complains complained complaining
boasts boasted boasting jokes joked joking quips quipped quipping
shouts shouted shouting asks asked asking answered answering
mentions mentioned mentioning commented commenting
concludes concluded concluding testifies testified testifying
maintains maintained maintaining contends contended contending
counters countered countering agrees agreed agreeing
expresses expressed expressing alleges alleged alleging
reported reporting demanded demanding
threatens threatened threatening accuses accused accusing
speaking talking
""".split()) | word_cues()  # the reporting-verb lexicon of builder.patterns.cues
# Auxiliaries that make an -ing cue finite: "Ian Doyle was speaking outside his home".
PROGRESSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been"})
INVERTING_CUES = frozenset("""
say says said add adds added ask asks asked write writes wrote reply replies replied
continue continues continued explain explains explained note notes noted recall recalls recalled
insist insists insisted warn warns warned tell tells told
""".split())
# Cues whose subject is the subject of the clause they hang on: `X said ..., adding "..."`.
PARTICIPLE_SUFFIX = "ing"
# Source cues: the speaker follows (`according to X`, `per X`). Weaker than a verb cue:
# `X said "...", according to <outlet>` keeps X.
SOURCE_CUES = (("according", "to"), ("per",), ("quoted", "by"))

# Words that may stand between a subject and its cue verb: `X has also said`.
AUXILIARIES = frozenset("""
has have had is was were be been will would could should may might can did does do
also again later then previously repeatedly reportedly once just recently publicly privately
earlier further separately quickly simply flatly firmly bluntly not never often
initially first finally still already long only even now soon
""".split())

# Words that open a sentence capitalised without being a name: "Later, the ministry said",
# and labels that open a paragraph ("Quote:", "Details:").
SENTENCE_OPENERS = frozenset("""
later earlier meanwhile still yet however instead previously lately separately afterward afterwards
today yesterday tonight now then also moreover furthermore additionally again finally ultimately
indeed nonetheless nevertheless elsewhere overall initially eventually recently subsequently
asked speaking reached contacted interviewed prior ahead despite amid following after before
all both some many most each every few several none such here there whether beyond
quote details name age city job pay update note caption photo source related
i we you me us them my our your what how why where who whom which whose do does did even along
just perhaps maybe yes no not
""".split())  # (paragraph labels, "Quote:", "Details:", "Name:"; then pronouns and function words
# that open a sentence capitalised: "We", "What", "Even" are never a speaker's name)

# A transcript turn opens its paragraph with the speaker's name in capitals and a colon
# ("SMITH: ...", "JANE SMITH: ..."), inside the article's quotation mark or not. Labels in
# capitals that name no speaker ("UPDATE:", "VIDEO:") are not turns; nor is an article's one
# labelled paragraph: a transcript gives turns to two speakers at least.
TRANSCRIPT_TURN = r"[\"“”]?[ \t]*([A-Z][A-Z'’.-]*[A-Z](?: [A-Z][A-Z'’.-]*[A-Z]){0,2}):[ \t]"
TRANSCRIPT_NOT_SPEAKERS = SENTENCE_OPENERS | frozenset("""
video watch email read photos transcript breaking exclusive correction editor editor's editor’s
tip spoiler bonus poll question answer q a
""".split())
TRANSCRIPT_SPEAKERS_MIN = 2

PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "org", "him": "person", "her": "person"}
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it"})
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
PREPOSITIONS = frozenset("""
in on at to with by from of for about aboard during after before since under over into
against between among amid via through across toward towards near like as
""".split())

# Role (title) words: a role phrase ends in one of these heads ("Kremlin spokesman",
# "Foreign Minister", "the company's chief executive").
ROLE_HEADS = frozenset("""
president minister secretary adviser advisor spokesman spokeswoman spokesperson chancellor
director chief executive officer chairman chairwoman chair governor mayor senator ambassador
general commander leader head lawyer attorney prosecutor judge coach manager founder ceo cfo
king queen prince princess pope premier envoy representative congressman congresswoman
lawmaker mp speaker diplomat negotiator analyst economist researcher scientist official aide
commissioner inspector sheriff captain colonel lieutenant sergeant admiral marshal
superintendent dean principal rabbi imam bishop archbishop cardinal reverend professor doctor
correspondent editor host owner partner strategist chairperson president-elect vice-president
councillor councilor councilman councilwoman alderman trustee spokespeople
striker midfielder defender goalkeeper forward quarterback pitcher player captain driver rider
singer actor actress author writer novelist artist rapper musician comedian director producer
champion veteran pilot farmer teacher entrepreneur investor activist campaigner organiser organizer
sen. rep. gov. dr. mr. mrs. ms. prof. gen. col. lt. sgt. capt. adm. mr mrs ms dr
barrister solicitor magistrate constable coroner treasurer historian engineer surgeon paramedic
firefighter detective consultant architect lecturer
candidate nominee hopeful front-runner frontrunner contender challenger incumbent co-host cohost
constituent designer pastor preacher neurosurgeon physician lobbyist consultant blogger pundit
""".split()) | frozenset("""
neighbour neighbor resident mum mother father dad son daughter wife husband widow widower
pensioner grandmother grandfather gran grandad sister brother uncle aunt niece nephew cousin
fiancee fiancée fiance fiancé girlfriend boyfriend parent worker employee nurse student
shopper fan victim survivor witness homeowner landlord landlady tenant customer passenger
motorist commuter boss miss
member delegate supporter donor volunteer staffer aide organizer operative pollster
narrator announcer moderator anchor commentator reporter columnist blogger journalist
""".split())
# Family words: "her husband, Mark," introduces a person by a first name alone.
KIN_NOUNS = frozenset("""
mum mother father dad son daughter wife husband widow widower grandmother grandfather gran
grandad sister brother uncle aunt niece nephew cousin fiancee fiancée fiance fiancé
girlfriend boyfriend partner
""".split())
# Relatives who speak together: "the Morrow family", "Morrow's parents said".
FAMILY_NOUNS = frozenset({"family", "families", "parents", "relatives", "children", "siblings"})
# Words ending in -ly that are no manner adverb between a subject and its verb ("the family
# said", "a close ally said", "the assembly voted").
LY_NON_ADVERBS = frozenset("""
family ally rally assembly supply reply bully anomaly monopoly homily folly belly jelly lily
holly melancholy butterfly dragonfly firefly
""".split())
# Words that tell a person's gender, so that "he" and "she" pick the right antecedent.
MALE_WORDS = frozenset("""
mr mr. sir lord king prince father dad son husband widower grandfather grandad brother uncle
nephew fiance fiancé boyfriend spokesman chairman congressman councilman businessman actor
""".split())
FEMALE_WORDS = frozenset("""
ms ms. mrs mrs. miss dame lady queen princess mother mum daughter wife widow grandmother gran
sister aunt niece fiancee fiancée girlfriend spokeswoman chairwoman congresswoman councilwoman
businesswoman actress landlady
""".split())
# Common English first names that tell a gender (names used for both are left out).
MALE_FIRST_NAMES = frozenset("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
eugene vincent russell elijah louis bobby philip johnny bill mike tim chris tom jim bob ben ken ron greg
rick harry chuck ivan boris dmitry sergei ahmed mohammed muhammad ali omar hassan luis carlos miguel pedro
ted bernard bernie marco antonio mario francisco rafael javier alejandro jorge ricardo fernando manuel
mitch newt rudy rudolph reince hank hugh ian neil craig glenn dean clint dan danny steve stephen stevie
joel jeff jerome jim jimmy johnny lou lee leon leonard lloyd marvin maurice max mel morris nate nathaniel
ned nick norman oscar otto owen phil ray reggie rex rich richie rob robbie rod rodney ross roy rudy russ
sam sammy seth sid simon stan stanley stuart ted teddy terrence toby todd tony travis trevor troy vic
vince wade wallace warren wes wesley will willard wilson xavier zach zack barry bart ben bert brad
brett brent bud buddy calvin cameron carl cecil chad chester cliff clifford clyde colin cole curt curtis
dale darrell darren dave derek dick don donnie doug drew duane dwight earl ed eddie edgar eli elliott
ernest ernie floyd fred freddie gavin gene gil glen gordon grant herb herbert howard jake jared jay jeb
jon josh julian karl kurt lance lewis lyle marc marty mickey milton mitchell murray myron nathan
""".split())
FEMALE_FIRST_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly
lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori michele claire sofia
lucia elena ana
hillary hilary carly nikki sarah michele michelle debbie deb deborah elise elisabeth elaine eleanor ellen
ella eva eve faith fiona florence gail gina greta gwen hazel heidi holly ida irene iris ivy jane janet
jenny jill jo joanna jodi josephine joy judy julia june kate kathy katie kay kim kirsten kristen kristin
laurie leah lena leslie lillian lily lindsay lois lorraine louise lucy lydia lynn mabel madeline
maggie marcia margo marian marianne marilyn marsha maureen meg melanie melinda meredith mia millie
miriam molly mona monica nadia naomi nina nora norma paula pauline peggy penny phyllis priscilla
rebecca regina rita roberta rosa rose rosemary roxanne sally sandy shannon sheila shelby sherry
shirley sonia stacy stella sue susie suzanne sylvia tamara tammy tanya tara tina tracy trudy valerie
vanessa vera veronica vicki vivian wanda wendy yvonne zoe becky betsy bonnie carla carmen cathy
cecilia celia connie courtney dana darlene dawn dolores dora edith edna eileen elsa emma erica erin
esther ethel fran gladys harriet hope ingrid irma jan jeanne jeannie jenna jessie joanne joann
jodie karla katrina kristina kristy lana lara laverne lena liz liza lorna loretta lorna marla
""".split())
# Equivalent role words: "Mrs Justice Ellison" is "the judge", a KC is "the barrister".
ROLE_EQUIVALENTS = {
    "justice": frozenset({"judge"}), "magistrate": frozenset({"judge"}),
    "kc": frozenset({"lawyer", "barrister"}), "qc": frozenset({"lawyer", "barrister"}),
    "barrister": frozenset({"lawyer"}), "solicitor": frozenset({"lawyer"}),
    "attorney": frozenset({"lawyer"}), "ceo": frozenset({"chief", "executive"}),
    "prosecuting": frozenset({"prosecutor"}), "defending": frozenset({"lawyer"}),
    "mp": frozenset({"lawmaker"}), "mep": frozenset({"lawmaker"}), "msp": frozenset({"lawmaker"}),
    "mla": frozenset({"lawmaker"}), "td": frozenset({"lawmaker"}),
}
# Roles of a race rather than an office: "the Democratic presidential front-runner" is the
# race's most named person, not a new person called by the description.
CANDIDACY_ROLES = frozenset({"candidate", "nominee", "hopeful", "front-runner", "frontrunner", "contender",
                             "challenger", "incumbent"})
# Roles that speak for their organisation: an unnamed "Acme spokeswoman" is Acme speaking.
# Any other unnamed role ("Britain's interior minister") is a person we cannot name.
SPOKES_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"})
# Words that modify a role without being a name: "former", "deputy", "national security".
ROLE_MODIFIERS = frozenset("""
former deputy acting interim senior top chief longtime long-time vice assistant associate
foreign defence defense interior finance economy justice health education trade energy
national security press communications public foreign-policy military intelligence
prime state federal regional local general executive managing principal special then
new outgoing incoming current fellow first-ever first lead co-founder
heartbroken devastated grieving furious angry tearful distraught shocked stunned horrified
terrified frightened emotional relieved worried proud delighted brave tragic elderly young
""".split())
# Modifiers that make another office of a role head: "the president" is not "Vice President
# Jo Hale", "the mayor" not "Deputy Mayor Ann Lee"; a description and an introduced role
# must agree on them.
ROLE_RANKS = frozenset({"vice", "deputy", "assistant", "associate", "under", "lieutenant"})
# Words opening a subordinate clause: "when Morrow asked" is no reporting clause of its sentence.
SUBORDINATORS = frozenset({"when", "as", "after", "before", "while", "if", "because", "since", "until", "once",
                           "whether", "though", "although", "unless"})
# Titles stripped from the front of a canonical name: "President Vladimir Putin" -> "Vladimir Putin".
NAME_TITLES = ROLE_HEADS | ROLE_MODIFIERS | frozenset({"sir", "dame", "lord", "lady", "st.", "saint"})
# A lower-case epithet between a field and a name: "tennis great Ann Cole", "jazz legend Ben Ray".
EPITHETS = frozenset({"great", "legend", "icon"})
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "dos", "ibn"})
# Suffixes and post-nominal letters dropped from the end of a canonical name:
# "Owen Pryce KC", "Harriet Lowe MP", "Martin Greaves Jr." are Owen Pryce, Harriet Lowe, Martin Greaves.
NAME_SUFFIXES = frozenset("""
jr jr. sr sr. ii iii iv kc qc mp mep msp mla td phd ph.d. md obe mbe cbe kbe dbe esq esq.
""".split())
# Post-nominal letters that are also a role: "Owen Pryce KC" is "the barrister".
POSTNOMINAL_ROLES = frozenset({"kc", "qc", "mp", "mep", "msp", "mla", "td"})

# Words joining a person to an institution: "Nadia Karim of Eastbrook University",
# "Tom Reed at the Grantham Institute" -- the speaker is the person before them.
AFFILIATION_WORDS = frozenset({"of", "at", "from"})
# A wire dateline opening a paragraph: "LONDON (Reuters) - ", "NAIROBI, March 3 (AP) — ",
# "WASHINGTON — ". Its agency credit is not narrative: never a speaker, nor in the cast.
DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}"  # the place, in capitals
    r"(?:, [A-Za-z0-9 .]{1,30})?"  # a date or a country
    r"(?: ?\([^()\n]{1,40}\))?"  # the agency credit
    r" ?[-–—]{1,2} "
)

# Organisations: a capitalised name holding one of these is an organisation,
# and "the ministry" / "the department" refer back to one.
ORG_HEADS = frozenset("""
ministry department office council agency commission committee police army navy
company corporation corp corp. inc inc. ltd ltd. plc group bank party government court
university institute foundation union association federation administration authority
board bureau service services embassy parliament congress senate assembly cabinet
airline airlines firm club team league organisation organization network coalition
alliance command regulator watchdog centre center fund trust house watch
""".split())
# References to an organisation by its kind alone: "the company said".
ORG_REFERENCES = frozenset("""
ministry department office council agency commission committee police army company
government court firm administration authority board bureau embassy party union regulator
watchdog campaign group team club airline bank
""".split())
# Kinds of organisation rarely part of a name ("the regulator", "the watchdog"): with no
# organisation of that kind named, they refer to the organisation that spoke just before.
ORG_DESCRIPTIONS = frozenset({"regulator", "watchdog", "company", "firm", "group", "charity", "union"})
# Words naming a written statement: "a White House statement said", "in a statement".
STATEMENT_NOUNS = frozenset({"statement", "release", "communique", "communiqué", "memo", "letter", "post"})
# Generic words in the names of news outlets: their holders report, they are rarely speakers.
MEDIA_WORDS = frozenset("""
newspaper agency broadcaster tabloid outlet magazine daily network channel wire
times journal post herald tribune gazette telegraph news radio tv television press
""".split())
# Unnamed single sources: "a person familiar with the talks", "a source close to the family".
# The speaker is the description as written; "the person said" refers back to it.
UNNAMED_SOURCES = frozenset({"person", "source", "insider"})
SOURCE_QUALIFIERS = frozenset({"familiar", "close", "briefed", "knowledgeable", "involved", "with", "inside"})
INDEFINITES = frozenset({"a", "an", "one", "another"})
# Unnamed groups: "officials said" has no speaker to name.
GROUP_NOUNS = frozenset("""
officials analysts experts residents witnesses sources observers critics people diplomats
lawmakers activists investigators authorities protesters supporters opponents
workers employees staff ministers families parents neighbours neighbors officers doctors
nurses teachers students voters economists traders investors scientists
""".split())

# "..., in Columbus, Ohio, said": a name after one of these, then a comma, then another name
# is a place written "town, region"; the second part is never the speaker.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "of"})
