import { createHash } from 'node:crypto';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹';
const GIVEN_NAMES = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建国', '志强', '晓燕', '海峰', '玉梅', '国庆'];
const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '173', '177', '180', '181', '186', '187', '188', '189', '199'];
const LOCAL_ROADS = ['丰乐大道', '琅琊路', '南谯路', '龙蟠大道', '花园路', '凤阳路', '天长路', '全椒路', '清流路', '会峰路'];

export interface FictionalCitizen {
  name: string;
  phone: string;
  address: string;
}

/**
 * A made-up caller for a real record: the open data carries no personal
 * details, and a seed must never look like a real person's. The same key
 * always gives the same caller, so re-imports do not churn.
 */
export function fictionalCitizen(key: string): FictionalCitizen {
  const digest = createHash('sha1').update(`citizen:${key}`).digest();
  const pick = <T>(list: ArrayLike<T>, offset: number): T => list[digest.readUInt16BE(offset) % list.length];
  const subscriber = String(digest.readUInt32BE(8) % 100_000_000).padStart(8, '0');
  return {
    name: pick(SURNAMES, 0) + pick(GIVEN_NAMES, 2),
    phone: pick(MOBILE_PREFIXES, 4) + subscriber,
    address: `${pick(LOCAL_ROADS, 6)}${(digest.readUInt16BE(12) % 300) + 1}号`,
  };
}
