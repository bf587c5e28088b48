//! English words for reading who said a quotation: reporting verbs, pronouns, and nouns
//! that describe an unnamed speaker ("a spokesman", "a source").

/// Reporting verbs ("X said", "said X", "X told Reuters").
pub const SPEECH_VERBS: &[&str] = &[
    "testified",
    "testifies",
    "exclaimed",
    "taunted",
    "quipped",
    "complained",
    "answered",
    "pleaded",
    "joked",
    "yelled",
    "screamed",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stated",
    "states",
    "explained",
    "explains",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "declared",
    "declares",
    "announced",
    "announces",
    "claimed",
    "claim",
    "called",
    "calling",
    "described",
    "describing",
    "saying",
    "claims",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "warned",
    "warns",
    "insisted",
    "insists",
    "asked",
    "asks",
    "replied",
    "replies",
    "continued",
    "continues",
    "posted",
    "argued",
    "argues",
    "acknowledged",
    "admitted",
    "confirmed",
    "confirms",
    "recalled",
    "urged",
    "urges",
    "vowed",
    "vows",
    "remarked",
    "observed",
    "commented",
    "conceded",
    "countered",
    "responded",
    "responds",
    "shouted",
    "cried",
    "whispered",
    "boasted",
    "predicted",
    "suggested",
    "suggests",
    "reported",
    "reports",
    "emphasised",
    "emphasized",
    "concluded",
    "cautioned",
    "pointed",
];

/// Verbs that take the listener as object ("told Reuters", "told the AP news agency").
pub const VERBS_WITH_LISTENER: &[&str] = &["told", "tells", "tell", "asked", "asks", "urged"];

/// Personal pronouns that can be the subject of a reporting verb.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Phrases after the speaker that belong to the channel, not the role ("on Twitter").
pub const CHANNEL_TAILS: &[&str] = &[
    " on twitter",
    " on facebook",
    " in a statement",
    " in a twitter post",
    " in a tweet",
    " in an interview",
    " on television",
    " on tv",
    " on friday",
    " on saturday",
    " on sunday",
    " on monday",
    " on tuesday",
    " on wednesday",
    " on thursday",
    " told reuters",
    " on instagram",
    " in a post",
];

/// Participles that report speech inside a clause whose subject stands earlier ("he turned
/// to the court, saying", "she was a loyal friend, adding").
pub const PARTICIPLE_SPEECH_VERBS: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "asking",
    "explaining",
    "insisting",
    "declaring",
    "telling",
    "arguing",
    "warning",
    "recalling",
    "replying",
    "stating",
    "writing",
    "testifying",
    "shouting",
    "pleading",
    "conceding",
    "quipping",
];

/// Verbs that report speech only as a parenthetical ("Ellis, she intimated, was ...").
pub const PARENTHETICAL_SPEECH_VERBS: &[&str] = &["intimated", "suggested", "recalled"];

/// Words right before a name, or in an apposition after it, that say a person is a woman.
pub const FEMALE_WORDS: &[&str] = &[
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "mother", "grandmother",
    "stepmother", "wife", "widow", "daughter", "granddaughter", "sister", "aunt", "niece",
    "woman", "girl", "girlfriend", "spokeswoman", "chairwoman", "congresswoman",
    "businesswoman", "actress", "waitress", "queen", "princess", "nun", "mom",
];

/// Words right before a name, or in an apposition after it, that say a person is a man.
pub const MALE_WORDS: &[&str] = &[
    "mr", "mr.", "sir", "lord", "father", "grandfather", "stepfather", "husband", "widower",
    "son", "grandson", "brother", "uncle", "nephew", "man", "boy", "boyfriend", "spokesman",
    "chairman", "congressman", "businessman", "actor", "waiter", "king", "prince", "monk",
    "dad",
];

/// Common English given names of women (a name's first word; most frequent US names).
pub const FEMALE_GIVEN_NAMES: &[&str] = &[
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
    "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
    "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah",
    "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley",
    "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine",
    "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
    "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly",
    "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah",
    "martha", "jacqueline", "frances", "gloria", "ann", "anne", "teresa", "kathryn", "sara",
    "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace",
    "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie",
    "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla",
    "lucy", "cindy", "hillary", "madeleine", "tammy", "wendy", "peggy", "jane", "ellen", "eleanor", "claire", "louise",
    "irene", "lois", "paula", "sylvia", "carla", "monica", "tina", "vicki", "nora", "leslie",
];

/// Common English given names of men (a name's first word; most frequent US names).
pub const MALE_GIVEN_NAMES: &[&str] = &[
    "james", "robert", "john", "michael", "david", "william", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
    "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald",
    "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
    "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
    "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron",
    "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "walter",
    "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
    "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe",
    "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan",
    "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis",
    "bobby", "philip", "johnny", "bill", "bob", "jim", "tom", "mike", "dave", "rob", "tony",
    "howard", "fred", "ted", "al", "ed", "dan", "ben",
    "sam", "steve", "chris", "pat", "ken", "jeff", "greg", "tim", "ron", "don", "hank",
    "hugh", "ian", "neil", "craig", "dale", "glenn", "lee", "earl", ];
