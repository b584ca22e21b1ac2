/**
 * How alike two requests read, from 0 to 1: the Dice coefficient of their
 * character bigrams after folding case, width and punctuation away. Character
 * n-grams need no word segmentation, so 小区停水 and 停水了 share 停水 as
 * "no water" and "water off" share "wa", "at" …; the common measure for short
 * Chinese texts, and for English as well.
 */
export function textSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / (total(left) + total(right));
}

function bigrams(text: string): Map<string, number> {
  // NFKC folds full-width letters and digits; what is neither a letter nor a digit carries no meaning here
  const folded = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const grams = new Map<string, number>();
  const chars = [...folded];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

const total = (grams: Map<string, number>) => [...grams.values()].reduce((sum, count) => sum + count, 0);
