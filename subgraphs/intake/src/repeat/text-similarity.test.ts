import { textSimilarity } from './text-similarity';

describe('how alike two requests read', () => {
  it('sees a Chinese complaint retold in other words, and tells it from another problem', () => {
    const first = '丰乐大道88号小区停水一整天了';
    expect(textSimilarity(first, '丰乐大道88号小区还是停水，一整天没水')).toBeGreaterThan(0.5);
    expect(textSimilarity(first, '1路公交车站的路灯不亮')).toBeLessThan(0.15);
  });

  it('folds case, full-width characters and punctuation, and works for English', () => {
    expect(textSimilarity('ＮＯ WATER since Monday!', 'no water since monday')).toBe(1);
    expect(textSimilarity('no water since monday', 'the streetlight is out')).toBeLessThan(0.2);
    expect(textSimilarity('', 'anything')).toBe(0);
  });
});
