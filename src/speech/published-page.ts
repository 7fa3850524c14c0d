/** Where MI5 published the speech; the text the bot quotes is a copy of it, in `embeddings/source/`. */
export const PUBLISHED_PAGE_URL =
  'https://www.mi5.gov.uk/news/director-general-ken-mccallum-gives-annual-threat-update-2021';
