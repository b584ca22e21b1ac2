import { bucketHours, bucketOf, formatHistogram, OVERFLOW_BUCKET, parseHistogram, percentileHours } from './handling-buckets';

const hours = (h: number) => h * 3600;

describe('handling-time buckets', () => {
  it('closes a bucket at its edge: a quarter hour wide to 8 h, an hour to 120 h, 8 h to 720 h', () => {
    expect(bucketHours(bucketOf(0))).toBe(0.25);
    expect(bucketHours(bucketOf(hours(0.25)))).toBe(0.25);
    expect(bucketHours(bucketOf(hours(0.25) + 1))).toBe(0.5);
    expect(bucketHours(bucketOf(hours(7.9)))).toBe(8);
    expect(bucketHours(bucketOf(hours(8.5)))).toBe(9);
    expect(bucketHours(bucketOf(hours(120)))).toBe(120);
    expect(bucketHours(bucketOf(hours(121)))).toBe(128);
    expect(bucketOf(hours(800))).toBe(OVERFLOW_BUCKET);
    expect(bucketHours(OVERFLOW_BUCKET)).toBe(720);
  });

  it('takes the nearest-rank percentile: the 9th of 10 times for p90', () => {
    const histogram = new Map<number, number>();
    for (const h of [1, 2, 3, 4, 5, 6, 7, 8, 24, 48]) histogram.set(bucketOf(hours(h)), (histogram.get(bucketOf(hours(h))) ?? 0) + 1);
    expect(percentileHours(histogram, 0.9)).toBe(24);
    expect(percentileHours(histogram, 0.5)).toBe(5);
    expect(percentileHours(new Map(), 0.9)).toBeNull();
  });

  it('writes and reads the sparse text form, adding and taking away', () => {
    const text = formatHistogram(new Map([[40, 2], [3, 1], [7, 0]]));
    expect(text).toBe('3:1,40:2');
    expect(formatHistogram(parseHistogram('3:1', parseHistogram(text), -1))).toBe('40:2');
  });
});
