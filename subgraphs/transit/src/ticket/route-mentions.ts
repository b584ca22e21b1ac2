/** How route codes are written: digits, optionally after one letter (K1 for 快线 express lines). */
const CODE = '([A-Z]?\\d{1,3})';

const PATTERNS = [
  // 12路, K1路, 1 路; not 路灯 (street lamp), 路口 (junction) or 路段 (road section), which follow numbers in addresses too
  new RegExp(`(?<![A-Z0-9])${CODE}\\s*路(?![灯口段])`, 'gi'),
  new RegExp(`\\broute\\s*(?:no\\.?\\s*)?${CODE}\\b`, 'gi'),
  // "bus 12", but not "waited for the bus 20 minutes"
  new RegExp(`\\bbus\\s*(?:no\\.?\\s*)?${CODE}\\b(?!\\s*(?:min|hour|hr|分|小时))`, 'gi'),
  new RegExp(`\\b(?:no\\.?|number)\\s*${CODE}\\s*bus\\b`, 'gi'),
];

/**
 * The bus route codes a ticket's text names, upper-cased, deduplicated, in
 * the order they first appear. Callers type on phones, so full-width digits
 * (１２路) are folded to ASCII first.
 */
export function routeMentions(text: string): string[] {
  const normalized = text.normalize('NFKC');
  const found: { at: number; code: string }[] = [];
  for (const pattern of PATTERNS) {
    for (const match of normalized.matchAll(pattern)) found.push({ at: match.index, code: match[1].toUpperCase() });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((mention) => mention.code))];
}
