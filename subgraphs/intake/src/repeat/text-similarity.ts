/**
 * How alike requests read, from 0 to 1: the cosine of their character-bigram
 * vectors, each bigram weighted by how rare it is among the texts compared
 * (tf-idf). Character n-grams need no word segmentation, so 小区停水 and 停水了
 * share 停水 as "no water" and "water off" share "wa", "at" …; the common
 * measure for short Chinese texts, and for English as well. The weighting is
 * what keeps a category's stock phrases ("Tree Emergencies: …", "反映…问题")
 * from making every request of the category look alike: what all of them say
 * weighs little, a shared street name or landmark much.
 */
export class WordingComparer {
  private readonly documentFrequency = new Map<string, number>();
  private readonly documents: number;

  constructor(texts: readonly string[]) {
    this.documents = texts.length;
    for (const text of texts) for (const gram of bigrams(text).keys()) this.documentFrequency.set(gram, (this.documentFrequency.get(gram) ?? 0) + 1);
  }

  similarity(a: string, b: string): number {
    const left = this.weighted(a);
    const right = this.weighted(b);
    let dot = 0;
    for (const [gram, weight] of left) dot += weight * (right.get(gram) ?? 0);
    const norms = norm(left) * norm(right);
    return norms > 0 ? Math.min(1, dot / norms) : 0;
  }

  private weighted(text: string): Map<string, number> {
    const weights = new Map<string, number>();
    // smoothed so that a bigram every text holds still weighs a little (two texts alone compare evenly)
    for (const [gram, count] of bigrams(text)) weights.set(gram, count * Math.log(1 + (this.documents + 1) / ((this.documentFrequency.get(gram) ?? 0) + 1)));
    return weights;
  }
}

/** Two texts compared on their own. */
export const textSimilarity = (a: string, b: string): number => new WordingComparer([a, b]).similarity(a, b);

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

const norm = (vector: Map<string, number>) => Math.sqrt([...vector.values()].reduce((sum, weight) => sum + weight * weight, 0));
