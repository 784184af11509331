/**
 * The text of a Markdown article: what a reader sees, not its marks. `marked`'s lexer (a parser
 * kept by many, not a hand-written one: Markdown's emphasis and link rules have many corner
 * cases) gives the blocks; each heading, paragraph, quotation, list item and table row becomes
 * one paragraph of plain text, so the corpus build segments and classifies it like any article.
 * Code blocks, raw HTML and images are not story text and are left out; a link keeps its words.
 */
import { Lexer, type Token, type Tokens } from 'marked';

/** Plain text of inline tokens (links and emphasis keep their words; soft breaks become spaces). */
function inline(tokens: readonly Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'image':
      case 'html':
        break;
      case 'br':
        out += ' ';
        break;
      case 'codespan':
      case 'escape':
        out += (t as Tokens.Codespan | Tokens.Escape).text;
        break;
      default:
        out += 'tokens' in t && t.tokens ? inline(t.tokens) : 'text' in t ? String(t.text) : '';
    }
  }
  return out;
}

function blocks(tokens: readonly Token[], out: string[]): void {
  for (const t of tokens) {
    switch (t.type) {
      case 'heading':
      case 'paragraph':
      case 'text':
        out.push(inline(t.tokens, t.text));
        break;
      case 'blockquote':
        blocks(t.tokens ?? [], out);
        break;
      case 'list':
        for (const item of (t as Tokens.List).items) blocks(item.tokens, out);
        break;
      case 'table': {
        const table = t as Tokens.Table;
        for (const row of [table.header, ...table.rows]) out.push(row.map((cell) => inline(cell.tokens)).join(' — '));
        break;
      }
      default:
        // space, hr, code, html, def: not story text.
        break;
    }
  }
}

/** An article in Markdown as plain text, one paragraph per block, blocks apart by a blank line. */
export function markdownText(md: string): string {
  const out: string[] = [];
  blocks(new Lexer({ gfm: true }).lex(md), out);
  return out
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
