/** A department as the intake catalogue stores it. */
export interface DepartmentSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  federated: boolean;
  subgraph: string | null;
}

const local = (code: string, nameZh: string, nameEn: string): DepartmentSeed => ({ code, nameZh, nameEn, federated: false, subgraph: null });
const federated = (code: string, nameZh: string, nameEn: string): DepartmentSeed => ({ code, nameZh, nameEn, federated: true, subgraph: code });

/** The 26 hotlines Chuzhou merged into 12345 on 2015-05-01, in the order the city listed them. */
export const DEPARTMENTS: readonly DepartmentSeed[] = [
  local('construction', '市建委', 'Construction Commission'),
  federated('water', '市自来水公司', 'Water Supply Company'),
  federated('streetlight', '市路灯管理处', 'Streetlight Administration'),
  local('parks', '市园林管理处', 'Parks and Greening Administration'),
  local('tourism', '市旅游局', 'Tourism Bureau'),
  local('langya_scenic', '琅管会景区', 'Langya Mountain Scenic Area'),
  local('gov_service', '市政务服务中心', 'Government Service Centre'),
  local('disabled_federation', '市残联', "Disabled Persons' Federation"),
  local('economy_it', '市经信委', 'Economy and Information Technology Commission'),
  federated('transit', '市公交公司', 'Bus Company'),
  local('health', '市卫生局', 'Health Bureau'),
  local('culture_enforcement', '文化市场综合执法大队', 'Cultural Market Enforcement Brigade'),
  local('education', '市教育局', 'Education Bureau'),
  local('family_planning', '市人口计生委', 'Population and Family Planning Commission'),
  local('earthquake', '市地震局', 'Earthquake Bureau'),
  local('justice', '市司法局', 'Justice Bureau'),
  local('civil_affairs', '市民政局', 'Civil Affairs Bureau'),
  local('forestry', '市林业局', 'Forestry Bureau'),
  local('agri_machinery', '市农机局', 'Agricultural Machinery Bureau'),
  local('banking_regulation', '市银监局', 'Banking Regulatory Bureau'),
  local('insurance_association', '市保险协会', 'Insurance Association'),
  local('urban_investment', '市城投公司', 'Urban Investment Company'),
  local('public_resources', '市公管局', 'Public Resources Administration'),
  local('guoyuan_insurance', '国元保险', 'Guoyuan Insurance'),
  local('ethnic_affairs', '市民委', 'Ethnic Affairs Commission'),
  local('intercity_bus', '城际公交公司', 'Intercity Bus Company'),
];
