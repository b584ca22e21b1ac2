/** A request category as the intake catalogue stores it. */
export interface CategorySeed {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string | null;
}

const category = (code: string, nameZh: string, nameEn: string, departmentCode: string | null): CategorySeed => ({
  code,
  nameZh,
  nameEn,
  departmentCode,
});

/** The operators' catalogue; `other` has no owner because the centre routes it by hand. */
export const CATEGORIES: readonly CategorySeed[] = [
  category('water_outage', '停水', 'Water outage', 'water'),
  category('water_pipe_burst', '水管爆裂', 'Burst water pipe', 'water'),
  category('water_quality', '水质', 'Water quality', 'water'),
  category('streetlight_out', '路灯不亮', 'Streetlight out', 'streetlight'),
  category('streetlight_damaged', '路灯杆损坏', 'Damaged streetlight pole', 'streetlight'),
  category('bus_service', '公交服务', 'Bus service', 'transit'),
  category('bus_route_stop', '线路站点', 'Bus routes and stops', 'transit'),
  category('tree_request', '补植树木', 'Tree planting request', 'parks'),
  category('tree_emergency', '树木倒伏', 'Fallen or dangerous tree', 'parks'),
  category('dead_animal', '动物尸体清理', 'Dead animal removal', 'construction'),
  category('policy_consult', '政策咨询', 'Policy consultation', 'gov_service'),
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
