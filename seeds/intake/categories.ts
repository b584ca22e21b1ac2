/** A request category as the intake catalogue stores it. */
export interface CategorySeed {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string | null;
  /** Null with no hours either: the centre's default of 5 working days. */
  timeLimitWorkingDays: number | null;
  /** Clock hours for urgent matters; wins over working days. */
  timeLimitHours: number | null;
}

type Limit = Pick<CategorySeed, 'timeLimitWorkingDays' | 'timeLimitHours'>;
const DEFAULT_LIMIT: Limit = { timeLimitWorkingDays: null, timeLimitHours: null };
const hours = (timeLimitHours: number): Limit => ({ timeLimitWorkingDays: null, timeLimitHours });
const workingDays = (timeLimitWorkingDays: number): Limit => ({ timeLimitWorkingDays, timeLimitHours: null });

const category = (code: string, nameZh: string, nameEn: string, departmentCode: string | null, limit = DEFAULT_LIMIT): CategorySeed => ({
  code,
  nameZh,
  nameEn,
  departmentCode,
  ...limit,
});

/**
 * The operators' catalogue; `other` has no owner because the centre routes it by hand.
 * Time limits: a hazard to life or property, or a household without water, runs
 * on the clock (24 h, holidays included, as cities commonly set for water,
 * power, gas and heating); a consultation needs only an answer (3 working
 * days); everything else gets the centre's default of 5 working days.
 */
export const CATEGORIES: readonly CategorySeed[] = [
  // 24 h, not 48: a household without water cannot wait; the department reports restoration or a water truck
  category('water_outage', '停水', 'Water outage', 'water', hours(24)),
  category('water_pipe_burst', '水管爆裂', 'Burst water pipe', 'water', hours(24)),
  category('water_quality', '水质', 'Water quality', 'water'),
  category('streetlight_out', '路灯不亮', 'Streetlight out', 'streetlight'),
  // a knocked-down or leaning pole may fall or leave live wires exposed
  category('streetlight_damaged', '路灯杆损坏', 'Damaged streetlight pole', 'streetlight', hours(24)),
  category('bus_service', '公交服务', 'Bus service', 'transit'),
  category('bus_route_stop', '线路站点', 'Bus routes and stops', 'transit'),
  category('tree_request', '补植树木', 'Tree planting request', 'parks'),
  category('tree_emergency', '树木倒伏', 'Fallen or dangerous tree', 'parks', hours(24)),
  category('dead_animal', '动物尸体清理', 'Dead animal removal', 'construction'),
  category('policy_consult', '政策咨询', 'Policy consultation', 'gov_service', workingDays(3)),
  category('social_assistance', '社会救助', 'Social assistance', 'civil_affairs'),
  category('education', '教育', 'Education', 'education'),
  category('health_service', '医疗卫生', 'Health services', 'health'),
  category('other', '其他', 'Other', null),
];

export function categoryByCode(code: string): CategorySeed {
  const found = CATEGORIES.find((c) => c.code === code);
  if (!found) throw new Error(`no seed category ${code}`);
  return found;
}
