/**
 * A deliberately generous estimate of how many WordPiece tokens a BERT uncased tokenizer makes of `text`, used when
 * no model (and so no tokenizer) is available. Common words are one piece each, but rare and long words split into
 * several, so each word counts one piece per six characters, and punctuation marks count one each; [CLS] and [SEP]
 * add two.
 */
export function estimateWordPieces(text: string): number {
  let pieces = 2;
  for (const token of text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []) {
    pieces += /[\p{L}\p{N}]/u.test(token) ? Math.ceil(token.length / 6) : 1;
  }
  return pieces;
}
