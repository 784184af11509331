declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  /** A Snowball stemmer by algorithm name ("german", "portuguese", "norwegian", ...). */
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  export const deu: string[];
  export const por: string[];
  export const nob: string[];
  export const bul: string[];
  export const fra: string[];
  export const spa: string[];
  export const ita: string[];
  export const nld: string[];
  export const dan: string[];
  export const swe: string[];
  export const rus: string[];
  export const ukr: string[];
  export const pol: string[];
}
