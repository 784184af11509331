/**
 * Language of a text, enough to pick a lexicon: the languages with one (de, pt, no, bg),
 * English, and the neighbours that must not be taken for them (Danish and Swedish for
 * Norwegian, Russian and Ukrainian for Bulgarian, Spanish for Portuguese, Dutch for German...).
 *
 * Script first (kana -> ja, Hangul -> ko, Han alone -> zh), then for Cyrillic the letters only
 * Russian or Ukrainian have, then the share of the words that are one language's most frequent
 * function words. Hand-written profiles of twenty words each (about 2 kB in all, no model
 * to fetch): a page of news text has dozens of them, which is all a choice among these
 * languages needs. Short texts (under six words) are not decided: "und".
 */

const PROFILES: Record<string, string> = {
  en: 'the of and to in is that for it with as was on are be by this have from not he has',
  de: 'der die das und ist nicht den mit von zu sich des auf für dem ein eine im auch wird sind dass',
  pt: 'o os de do da dos das em no na que não para com uma um por é ao pelo mais foi como à',
  no: 'og i det er som på til av ikke en et med for har de den ble fra skal om også etter noen hva',
  da: 'og i det er som på til af ikke en et med for har de den blev fra skal om også efter nogle hvad',
  sv: 'och att det är som på för med en inte till av har den de om ett var jag hon efter',
  fr: 'le la les et des est que une un du dans en pour qui pas sur au avec ne se il',
  es: 'el la los las y de que en un una es por con para del al se no lo como su',
  it: 'il la di che e è un una per del della non con sono le gli da si lo nel',
  nl: 'de het een en van is dat niet op te in zijn met voor die er ook aan werd',
  pl: 'i w na nie się z że do to jest jak o ale po tak od za co przez',
  bg: 'и на в да се не за от че е с по са това като до ще или но бъде',
  ru: 'и в не на что с он как это по но из к у за от так же быть',
  uk: 'і в не на що з він як це та але до у за від так же й бути',
};

const WORD_SETS = new Map(Object.entries(PROFILES).map(([lang, words]) => [lang, new Set(words.split(' '))]));

/** Fewest words for a decision. */
const MIN_WORDS = 6;
/** Share of profile words below which no language is named. */
const MIN_SHARE = 0.06;

export interface Detected {
  /** ISO 639-1 code, or "und" when undecided. */
  lang: string;
  /** Share of the words that are the language's function words (0..1); 1 for a script. */
  confidence: number;
}

export function detectLanguage(text: string): Detected {
  const kana = (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const hangul = (text.match(/\p{Script=Hangul}/gu) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return { lang: 'und', confidence: 0 };
  if (kana > 0.05 * letters) return { lang: 'ja', confidence: 1 };
  if (hangul > 0.3 * letters) return { lang: 'ko', confidence: 1 };
  if (han > 0.3 * letters) return { lang: 'zh', confidence: 1 };

  const words = (text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []).filter(Boolean);
  if (words.length < MIN_WORDS) return { lang: 'und', confidence: 0 };
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  let candidates = [...WORD_SETS.keys()];
  if (cyrillic > 0.5 * letters) {
    const ru = (text.match(/[ыэёЫЭЁ]/g) ?? []).length;
    const uk = (text.match(/[іїєґІЇЄҐ]/g) ?? []).length;
    if (uk > 2 && uk > ru) return { lang: 'uk', confidence: 1 };
    if (ru > 2) return { lang: 'ru', confidence: 1 };
    candidates = ['bg', 'ru', 'uk'];
  } else {
    candidates = candidates.filter((l) => !['bg', 'ru', 'uk'].includes(l));
  }
  let best = 'und';
  let bestShare = 0;
  for (const lang of candidates) {
    const set = WORD_SETS.get(lang)!;
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > bestShare) {
      best = lang;
      bestShare = share;
    }
  }
  return bestShare >= MIN_SHARE ? { lang: best, confidence: bestShare } : { lang: 'und', confidence: bestShare };
}
