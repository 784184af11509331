/**
 * Function words of the page languages that the gloss must read itself rather than look up:
 * negations, number words, scale words, percent, months. Hand-written (short closed lists no
 * dictionary package gives in this form); stop words come from the `stopword` package.
 */
import { wordTable } from '../word-table';
import { bul, deu, nob, por } from 'stopword';
import type { LexiconLanguage } from './stem';

export interface LanguageWords {
  negations: ReadonlySet<string>;
  numbers: Readonly<Record<string, number>>;
  scales: Readonly<Record<string, number>>;
  /** Words for "percent" (one word; "por cento" is read as two). */
  percent: ReadonlySet<string>;
  months: Readonly<Record<string, number>>;
  stop: ReadonlySet<string>;
}

const list = (s: string) => s.split(/\s+/).filter(Boolean);
// "_" holds the place of one: "ein", "um", "en", "един" are as often the article "a".
const numbers = (s: string) =>
  wordTable(Object.fromEntries(list(s).flatMap((w, i) => (w === '_' ? [] : [[w, i]]))) as Record<string, number>);
const months = (s: string) => {
  const out = wordTable<number>({});
  list(s).forEach((group, i) => {
    for (const w of group.split('|')) out[w] = i + 1;
  });
  return out;
};

// Prepositions and adverbs the `stopword` lists lack, hand-added per language.
const EXTRA_STOP: Record<LexiconLanguage, string> = {
  de: 'seit gegenüber laut sowie bereits',
  pt: 'desde sobre entre após durante contra ainda também já porém cerca assim onde enquanto é são era eram foi foram será serão sido ser está estão estava estar há tinha ter tem têm',
  no: 'siden mot etter under før blant ifølge rundt også allerede',
  bg: 'от до след срещу през според около към между също вече',
};

function words(
  negations: string,
  units: string,
  tens: Record<string, number>,
  scales: Record<string, number>,
  percent: string,
  monthNames: string,
  stop: string[],
): LanguageWords {
  const neg = new Set(list(negations));
  const num = wordTable({ ...numbers(units), ...tens });
  const mon = months(monthNames);
  // Numbers, negations and months are read before stop words, so they may stay in the list.
  return {
    negations: neg,
    numbers: num,
    scales: wordTable(scales),
    percent: new Set(list(percent)),
    months: mon,
    stop: new Set(stop.filter((w) => !neg.has(w))),
  };
}

function withExtra(lang: LexiconLanguage, w: LanguageWords): LanguageWords {
  return { ...w, stop: new Set([...w.stop, ...list(EXTRA_STOP[lang])]) };
}

const BASE: Record<LexiconLanguage, LanguageWords> = {
  de: words(
    'nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder ohne',
    'null _ zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig',
    { dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100 },
    { tausend: 1e3, million: 1e6, millionen: 1e6, mio: 1e6, milliarde: 1e9, milliarden: 1e9, mrd: 1e9 },
    'prozent',
    'januar|jänner|jan februar|feb märz|mär april|apr mai juni|jun juli|jul august|aug september|sept|sep oktober|okt november|nov dezember|dez',
    deu,
  ),
  pt: words(
    'não nunca nem nenhum nenhuma nada ninguém jamais sem',
    'zero _ dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis dezassete dezoito dezenove vinte',
    { duas: 2, quatorze: 14, dezasseis: 16, dezanove: 19, trinta: 30, quarenta: 40, cinquenta: 50, cem: 100 },
    { mil: 1e3, milhão: 1e6, milhões: 1e6, bilhão: 1e9, bilhões: 1e9 },
    'porcento',
    'janeiro|jan fevereiro|fev março|mar abril|abr maio|mai junho|jun julho|jul agosto|ago setembro|set outubro|out novembro|nov dezembro|dez',
    por,
  ),
  no: words(
    'ikke ingen intet ingenting aldri verken uten',
    'null _ to tre fire fem seks sju åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten tjue',
    { syv: 7, tyve: 20, tretti: 30, førti: 40, femti: 50, seksti: 60, sytti: 70, åtti: 80, nitti: 90, hundre: 100 },
    { tusen: 1e3, million: 1e6, millioner: 1e6, milliard: 1e9, milliarder: 1e9, mrd: 1e9 },
    'prosent',
    'januar|jan februar|feb mars|mar april|apr mai juni|jun juli|jul august|aug september|sep|sept oktober|okt november|nov desember|des',
    nob,
  ),
  bg: words(
    'не няма никога нито никой нищо никакъв никаква никакви без',
    'нула _ две три четири пет шест седем осем девет десет единадесет дванадесет тринадесет четиринадесет петнадесет шестнадесет седемнадесет осемнадесет деветнадесет двадесет',
    { два: 2, двама: 2, трима: 3, тридесет: 30, четиридесет: 40, петдесет: 50, сто: 100 },
    { хиляди: 1e3, хиляда: 1e3, милион: 1e6, милиона: 1e6, милиард: 1e9, милиарда: 1e9 },
    'процента процент',
    'януари|ян февруари|фев март|мар април|апр май юни юли август|авг септември|сеп октомври|окт ноември|ное декември|дек',
    bul,
  ),
};

export const WORDS: Record<LexiconLanguage, LanguageWords> = {
  de: withExtra('de', BASE.de),
  pt: withExtra('pt', BASE.pt),
  no: withExtra('no', BASE.no),
  bg: withExtra('bg', BASE.bg),
};
