/**
 * What is known about each reference article, keyed by article id (the file name without
 * .txt). The corpus build refuses an article without an entry here.
 */
import type { ArticleMeta } from '../core/types';

export const metadata: Record<string, ArticleMeta> = {
  '000_fb607a1be5cd114a': {
    outlet: 'Kronen Zeitung',
    url: 'https://www.krone.at/',
    urlIsArticle: false,
    date: '2024-06',
    language: 'de',
    translated: true,
    note: 'AFP interview, the day Stoltenberg met Zelensky in Brussels; machine-translated from German.',
  },
  '001_a3d80e40c71e1304': {
    outlet: 'South Shore Journal',
    url: 'https://www.southshorejournal.org/stoltenberg-nato-does-not-expect-major-russian-breakthroughs/',
    urlIsArticle: true,
    date: '2024-06',
    language: 'en',
    translated: false,
    note: 'From an AFP/German wire text.',
  },
  '002_7b03f4becdd2075e': {
    outlet: 'Fakti.bg (BTA)',
    url: 'https://fakti.bg/en/world/892303-the-head-of-nato-it-does-not-matter-who-wins-the-white-house-washington-will-remain-our-solid-ally',
    urlIsArticle: true,
    date: '2024-06-27',
    language: 'bg',
    translated: true,
    note: 'English edition of a Bulgarian agency text, hours before the first Biden–Trump debate.',
  },
  '003_ade93db7d64a4f7e': {
    outlet: 'The Eastern Herald',
    url: 'https://easternherald.com/',
    urlIsArticle: false,
    date: '2024-06-21',
    language: 'en',
    translated: false,
    note: 'From Anadolu and AFP reports.',
  },
  '004_ffd2c1fc0b86dfc0': {
    outlet: 'Portuguese-language outlet (unknown)',
    urlIsArticle: false,
    date: '2022-04-05',
    language: 'pt',
    translated: true,
    note: 'Statement of Tuesday April 5, 2022, on the eve of the NATO foreign ministers meeting.',
  },
};
