/**
 * Line breaking for mixed Chinese and Latin text. Chinese may break between any two characters;
 * Latin words and numbers stay whole unless a word is wider than the line. Simple 禁则 (line-breaking
 * rules): closing punctuation never starts a line, opening punctuation never ends one.
 */

const NO_LINE_START = new Set('，。、；：？！）】》」』〕”’…—·%,.;:?!)]}'.split(''));
const NO_LINE_END = new Set('（【《「『〔“‘([{'.split(''));

/** A run that stays together: one wide character, a Latin word (with its trailing spaces), or a newline. */
function tokenize(text: string): string[] {
  return text.match(/\r?\n|[A-Za-z0-9\u00C0-\u024F@#&_=+\-/\\.,:;'"!?%()[\]{}<>*~^|$]+ *| +|[\s\S]/gu) ?? [];
}

/**
 * Splits `text` into lines no wider than `maxWidth` (as `measure` reports), keeping hard line breaks.
 * An empty text gives one empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let tokens: string[] = [];
  let width = 0;

  const flush = () => {
    lines.push(tokens.join('').replace(/ +$/, ''));
    tokens = [];
    width = 0;
  };
  const push = (token: string) => {
    if (tokens.length === 0 && /^ +$/.test(token)) return; // no leading spaces on a wrapped line
    tokens.push(token);
    width += measure(token);
  };

  for (const token of tokenize(text)) {
    if (token === '\n' || token === '\r\n') {
      flush();
      continue;
    }
    const tokenWidth = measure(token.replace(/ +$/, ''));
    if (width + tokenWidth <= maxWidth || tokens.length === 0) {
      if (tokenWidth > maxWidth && tokens.length === 0 && token.length > 1) {
        for (const part of splitLongWord(token, maxWidth, measure)) {
          if (tokens.length > 0) flush();
          push(part);
        }
        continue;
      }
      push(token);
      continue;
    }
    if (NO_LINE_START.has(token[0]) && tokens.length > 1) {
      // Carry the last character over so the punctuation does not open the next line.
      const carried = tokens.pop() as string;
      flush();
      push(carried);
      push(token);
      continue;
    }
    const carried: string[] = [];
    while (tokens.length > 1 && NO_LINE_END.has(tokens[tokens.length - 1])) carried.unshift(tokens.pop() as string);
    flush();
    for (const t of carried) push(t);
    if (tokenWidth > maxWidth && token.length > 1) {
      for (const part of splitLongWord(token, maxWidth, measure)) {
        if (tokens.length > 0) flush();
        push(part);
      }
    } else {
      push(token);
    }
  }
  if (tokens.length > 0 || lines.length === 0) flush();
  return lines;
}

function splitLongWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && measure(current + ch) > maxWidth) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) parts.push(current);
  return parts;
}
