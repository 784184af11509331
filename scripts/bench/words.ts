/**
 * Word lists for the benchmark's generated text. Filler sentences are about everyday topics
 * (weather, sport, cooking in generated articles; markets, travel, gardening on generated
 * pages), so pages share common words with the corpus without repeating its sentences. Synonyms
 * make the planted near-copies of corpus sentences.
 */

export interface FillerTopic {
  /** Opening time phrases ("On Saturday morning"). */
  when: string[];
  /** Who or what the sentence is about. */
  subjects: string[];
  /** Verb phrases, each followed by an object. */
  verbs: string[];
  objects: string[];
  /** Trailing phrases; `#` is replaced by a number. */
  tails: string[];
  /** Short headline-like lines (no full stop). */
  headlines: string[];
}

const TOPICS = {
  weather: {
    when: [
      'On Saturday morning',
      'By the weekend',
      'Later this week',
      'Overnight',
      'On Tuesday afternoon',
      'In the coming days',
    ],
    subjects: [
      'a band of heavy rain',
      'the coastal fog',
      'a cold front from the north',
      'the regional forecasters',
      'gusty winds along the valley',
      'the late summer heat',
      'scattered thunderstorms',
      'the morning frost',
    ],
    verbs: ['is likely to bring', 'could push', 'will leave behind', 'should ease', 'may spread', 'is set to deliver'],
    objects: [
      'cooler air to the hills',
      'puddles on the cycle paths',
      'bright spells in the afternoon',
      'a light drizzle over the harbour',
      'clear skies for stargazers',
      'damp conditions at the allotments',
      'frost in sheltered gardens',
    ],
    tails: [
      'with temperatures near # degrees',
      'before clearing by the evening',
      'with up to # millimetres of rain in places',
      'according to the local weather station',
      'while winds reach # kilometres an hour',
    ],
    headlines: [
      'Weekend weather brings showers and sunny spells',
      'Fog expected on the coast road',
      'Mild nights ahead',
    ],
  },
  sport: {
    when: ['Last night', 'On Sunday', 'In the second half', 'Earlier in the season', 'After the interval', 'Late on'],
    subjects: [
      'the home side',
      'the visiting goalkeeper',
      'a young midfielder',
      'the rowing club',
      'the veteran striker',
      'the netball team',
      'the cycling squad',
      'the club captain',
    ],
    verbs: ['scored', 'celebrated', 'missed', 'secured', 'defended', 'completed', 'won'],
    objects: [
      'a late equaliser from a corner',
      'their third home win in a row',
      'a penalty that hit the crossbar',
      'the final lap in record time',
      'a clean sheet despite the pressure',
      'the relay on the outdoor track',
      'a narrow victory at the stadium',
    ],
    tails: [
      'in front of # supporters',
      'to climb # places in the table',
      'after a tense tie break',
      'before the coach made # substitutions',
      'on a muddy pitch',
    ],
    headlines: ['Late goal settles the derby', 'Rowers take silver on the river', 'Cup run continues'],
  },
  cooking: {
    when: ['For this recipe', 'Before serving', 'Once the oven is hot', 'While the sauce simmers', 'To finish'],
    subjects: [
      'the home cook',
      'a pinch of smoked paprika',
      'the roasted squash',
      'a splash of lemon juice',
      'the sourdough starter',
      'fresh basil leaves',
      'the slow cooked lentils',
    ],
    verbs: ['brightens', 'should soften', 'needs', 'can replace', 'pairs well with', 'gently thickens'],
    objects: [
      'the tomato soup',
      'a crisp green salad',
      'the pastry for the apple tart',
      'a bowl of buttered noodles',
      'the marinade for the mushrooms',
      'a tray of roasted carrots',
      'the porridge on cold mornings',
    ],
    tails: [
      'for about # minutes',
      'at # degrees in a fan oven',
      'with a drizzle of olive oil',
      'and serves # people',
      'until golden at the edges',
    ],
    headlines: ['A soup for a rainy evening', 'Three ways with leftover rice', 'The perfect crumble'],
  },
  markets: {
    when: ['In early trading', 'By the close', 'On Wednesday', 'During the session', 'Over the quarter'],
    subjects: [
      'shares in the grocery chain',
      'the price of coffee beans',
      'the regional stock index',
      'the shipping company',
      'copper futures',
      'the small technology firm',
      'mortgage lenders',
    ],
    verbs: ['rose', 'slipped', 'recovered', 'reported', 'outpaced', 'trimmed'],
    objects: [
      'most of the earlier losses',
      'a rise in quarterly revenue',
      'gains in the bakery sector',
      'their forecasts for the holiday season',
      'the wider market',
      'a dividend for shareholders',
    ],
    tails: [
      'by # percent',
      'to # pence a share',
      'as investors waited for retail figures',
      'in thin holiday trading',
      'after # analysts raised their targets',
    ],
    headlines: ['Coffee prices climb again', 'Retail shares end the week higher', 'Quiet day on the markets'],
  },
  travel: {
    when: ['This summer', 'During the school holidays', 'On the first morning', 'Out of season', 'At dawn'],
    subjects: [
      'the ferry to the islands',
      'visitors to the old town',
      'the mountain railway',
      'a family of four',
      'the night train',
      'walkers on the coastal path',
    ],
    verbs: ['offers', 'passes', 'reaches', 'explored', 'booked', 'discovered'],
    objects: [
      'views of the lighthouse',
      'a quiet beach beyond the dunes',
      'the market square and its cafes',
      'the lakeside campsite',
      'a museum of old clocks',
      'the vineyards on the southern slopes',
    ],
    tails: [
      'in about # hours',
      'for less than # euros',
      'with a picnic in the rucksack',
      'before the crowds arrive',
      'on a rented bicycle',
    ],
    headlines: ['Slow travel along the coast', 'A weekend in the hills', 'Where to eat near the harbour'],
  },
  gardening: {
    when: ['In autumn', 'After the last frost', 'Every few weeks', 'Early in spring', 'In dry spells'],
    subjects: [
      'the tomato seedlings',
      'a mulch of bark chips',
      'the climbing roses',
      'the compost heap',
      'a row of runner beans',
      'the lawn',
    ],
    verbs: ['benefits from', 'needs', 'attracts', 'protects', 'tolerates', 'should get'],
    objects: [
      'a good soak in the evening',
      'bees and hoverflies',
      'the roots from the cold',
      'a trim after flowering',
      'some shade at midday',
      'a feed of seaweed',
    ],
    tails: [
      'every # days',
      'in a sunny corner',
      'to keep the slugs away',
      'about # centimetres apart',
      'until the first buds appear',
    ],
    headlines: ['Jobs for the garden this month', 'Growing beans on a balcony', 'Saving water in the garden'],
  },
} satisfies Record<string, FillerTopic>;

/** Topics of the filler sentences inside generated corpus articles. */
export const ARTICLE_FILLER: FillerTopic[] = [TOPICS.weather, TOPICS.sport, TOPICS.cooking];
/** Topics of the unrelated sentences of generated pages. */
export const PAGE_FILLER: FillerTopic[] = [TOPICS.markets, TOPICS.travel, TOPICS.gardening];

/** Common news words and a synonym each, for planted near-copies ("said" -> "stated"). */
export const SYNONYMS: Record<string, string> = {
  said: 'stated',
  told: 'informed',
  expect: 'anticipate',
  expects: 'anticipates',
  major: 'significant',
  significant: 'major',
  increase: 'raise',
  continue: 'keep',
  remain: 'stay',
  support: 'backing',
  assistance: 'help',
  weapons: 'arms',
  equipment: 'materiel',
  strong: 'robust',
  solid: 'firm',
  believe: 'think',
  warned: 'cautioned',
  stressed: 'emphasised',
  added: 'noted',
  confirmed: 'affirmed',
  announced: 'declared',
  provide: 'supply',
  necessary: 'needed',
  crucial: 'vital',
  capable: 'able',
  threat: 'danger',
  troops: 'soldiers',
  soldiers: 'troops',
  countries: 'nations',
  country: 'nation',
  attack: 'assault',
  recently: 'lately',
  however: 'yet',
  spending: 'expenditure',
  allies: 'partners',
  ally: 'partner',
  meeting: 'talks',
  early: 'beginning',
  serious: 'grave',
  because: 'since',
  large: 'big',
  help: 'aid',
  make: 'achieve',
  need: 'require',
  enough: 'sufficient',
  outcome: 'result',
  forces: 'troops',
  strikes: 'attacks',
  former: 'previous',
};
