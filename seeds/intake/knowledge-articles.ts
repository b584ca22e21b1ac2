import { pickContent } from '../../subgraphs/intake/src/knowledge/article-content';
import { KnowledgeArticleVersion } from '../../subgraphs/intake/src/knowledge/article-version.entity';
import { In, type EntityManager } from 'typeorm';
import { KnowledgeArticle } from '../../subgraphs/intake/src/knowledge/knowledge-article.entity';
import { deterministicId } from '../deterministic-id';

interface ArticleSeed {
  key: string;
  categoryCode: string | null;
  departmentCode: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  validFrom: string;
  validTo?: string;
  /** Fixed, so the "most recently updated" order is the same on every run. */
  updatedAt: string;
}

/** The answers behind ~83% of calls settled on the spot; one (the 2023 winter schedule) has expired. */
export const KNOWLEDGE_ARTICLES: readonly ArticleSeed[] = [
  {
    key: 'water-outage',
    categoryCode: 'water_outage',
    departmentCode: 'water',
    titleZh: '停水怎么办',
    titleEn: 'What to do in a water outage',
    bodyZh:
      '先查询市自来水公司停水公告（官网、微信公众号或本平台停水列表），确认所在小区是否在停水范围及预计恢复时间。计划停水提前24小时公告；突发爆管抢修一般12小时内恢复供水。停水超过12小时的，自来水公司安排送水车定点供水，独居老人、病人等困难家庭可登记送水上门。恢复供水后先放水几分钟至水清再使用。不在公告范围内的停水，按水管故障受理并转办自来水公司。',
    bodyEn:
      "First check the Water Supply Company's outage list (website, WeChat account or the outage list on this platform) to see whether the caller's estate is affected and when supply is expected back. Planned outages are announced 24 hours ahead; a burst main is usually repaired within 12 hours. If water is off for more than 12 hours the company sends water tankers to fixed points, and households with elderly people living alone or sick people can register for delivery to the door. When supply returns, run the tap for a few minutes until the water is clear. An outage not on the list is taken as a fault and dispatched to the water company.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-09-01T02:00:00Z',
  },
  {
    key: 'water-bill',
    categoryCode: 'policy_consult',
    departmentCode: 'water',
    titleZh: '水费缴纳',
    titleEn: 'Paying the water bill',
    bodyZh:
      '居民生活用水实行阶梯水价，按年度用水量分三档计价。可通过微信、支付宝“生活缴费”，银行代扣，或自来水公司营业厅缴纳，需提供用户号（见水费单）。逾期未缴按日加收滞纳金；欠费超过三个月的，书面催缴后可能暂停供水，缴清后24小时内恢复。对账单有疑问可申请上门复核水表。',
    bodyEn:
      'Household water is charged on a three-tier ladder by annual consumption. Bills can be paid through WeChat or Alipay (utilities), bank direct debit, or at a Water Supply Company service hall, quoting the account number printed on the bill. Late payment adds a daily surcharge; after three months in arrears and a written reminder, supply may be suspended, and it is restored within 24 hours of payment. Callers who dispute a bill can ask for the meter to be re-read at home.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-03-15T02:00:00Z',
  },
  {
    key: 'water-pipe-burst',
    categoryCode: 'water_pipe_burst',
    departmentCode: 'water',
    titleZh: '水管爆裂报修',
    titleEn: 'Reporting a burst water pipe',
    bodyZh:
      '道路、小区公共管道及水表前管道爆裂由自来水公司负责抢修，接报后立即转办，抢修队一般1小时内到场。水表后入户管道属用户自有设施，由物业或用户自行维修，可先关闭水表前阀门止水。记录准确位置（路名、门牌、附近标志物）及是否影响交通。',
    bodyEn:
      "Bursts on roads, in estates' shared pipes and on the supply side of the meter are repaired by the Water Supply Company; dispatch at once, crews usually arrive within an hour. Pipes after the meter belong to the household and are fixed by the property manager or the owner; the caller can stop the flow by closing the valve before the meter. Record the exact place (road, house number, landmark) and whether traffic is affected.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-06-20T02:00:00Z',
  },
  {
    key: 'water-quality',
    categoryCode: 'water_quality',
    departmentCode: 'water',
    titleZh: '自来水发黄、浑浊或有异味',
    titleEn: 'Tap water that is yellow, cloudy or smells',
    bodyZh:
      '停水恢复或管网冲洗后短时间发黄属正常现象，放水3至5分钟一般可变清。持续浑浊、有异味或多户同时出现的，记录地址和现象转办自来水公司，水质人员24小时内上门取样检测，期间建议不要饮用。二次供水（楼顶水箱）问题由物业负责清洗。',
    bodyEn:
      'Yellow water for a short while after an outage or mains flushing is normal; running the tap for 3 to 5 minutes usually clears it. If it stays cloudy, smells, or several households are affected, record the address and what they see and dispatch to the water company; water-quality staff take a sample at the home within 24 hours, and the caller should not drink it meanwhile. Rooftop tanks (secondary supply) are cleaned by the property manager.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-04-10T02:00:00Z',
  },
  {
    key: 'water-winter-2023',
    categoryCode: 'water_outage',
    departmentCode: 'water',
    titleZh: '2023年冬季管网改造停水安排',
    titleEn: 'Winter 2023 mains replacement: outage schedule',
    bodyZh: '2023年12月至2024年3月，城东片区分批进行供水管网改造，每批计划停水不超过8小时，具体时间以停水公告为准。',
    bodyEn: 'From December 2023 to March 2024 the east of the city had its mains replaced in stages; each planned outage lasted at most 8 hours, as announced in the outage list.',
    validFrom: '2023-12-01T00:00:00Z',
    validTo: '2024-03-31T16:00:00Z',
    updatedAt: '2024-03-01T02:00:00Z',
  },
  {
    key: 'streetlight-repair-time',
    categoryCode: 'streetlight_out',
    departmentCode: 'streetlight',
    titleZh: '路灯报修时限',
    titleEn: 'Streetlight repair time limits',
    bodyZh:
      '路灯不亮请记录路名、灯杆编号（杆身铭牌）或附近门牌。市路灯管理处承诺：主干道单灯故障24小时内修复，次干道及支路48小时内修复；成片不亮或需更换电缆的72小时内修复。小区内路灯由物业负责，不属于市政路灯。',
    bodyEn:
      "For a streetlight that is out, record the road, the pole number (on the plate on the pole) or a nearby house number. The Streetlight Administration repairs a single light on a main road within 24 hours and on secondary roads and lanes within 48 hours; a whole stretch out, or a cable to replace, within 72 hours. Lights inside residential estates are the property manager's, not municipal.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-05-05T02:00:00Z',
  },
  {
    key: 'streetlight-pole-damaged',
    categoryCode: 'streetlight_damaged',
    departmentCode: 'streetlight',
    titleZh: '路灯杆倾斜、损坏或漏电',
    titleEn: 'Leaning, damaged or live streetlight poles',
    bodyZh: '灯杆倾斜、被撞、检修门缺失或疑似漏电的，属于安全隐患，立即转办路灯管理处，2小时内到场设置围挡。提醒市民远离灯杆，不要触碰。',
    bodyEn: 'A pole that leans, was hit by a vehicle, has lost its access door or may be live is a hazard: dispatch to the Streetlight Administration at once; a crew fences it off within 2 hours. Tell the caller to keep away and not touch it.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-02-18T02:00:00Z',
  },
  {
    key: 'bus-card',
    categoryCode: 'bus_service',
    departmentCode: 'transit',
    titleZh: '公交卡办理与挂失',
    titleEn: 'Getting a bus card and reporting it lost',
    bodyZh:
      '普通公交卡可在公交公司客服网点购买；65周岁以上老年卡、残疾人爱心卡凭身份证（残疾证）到客服网点免费办理；学生卡每年9月由学校集中办理。记名卡丢失可凭身份证到网点或拨打公交客服挂失，挂失次日生效，余额转入新卡；不记名卡无法挂失。',
    bodyEn:
      "Ordinary bus cards are sold at the Bus Company's service points. Seniors' cards (65 and over) and disability cards are issued free there on showing an ID card (and disability certificate); student cards are issued through schools each September. A registered card that is lost can be reported with an ID card at a service point or by phone to bus customer service; the block takes effect the next day and the balance moves to a new card. Unregistered cards cannot be blocked.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-08-12T02:00:00Z',
  },
  {
    key: 'bus-route-change',
    categoryCode: 'bus_route_stop',
    departmentCode: 'transit',
    titleZh: '公交线路调整查询',
    titleEn: 'Checking bus route changes',
    bodyZh: '线路调整、站点迁移和临时绕行提前3天在公交公司官网、微信公众号和站牌张贴公告。可在本平台按线路号查询当前走向和站点；对调整有意见的，作为建议件转办公交公司。',
    bodyEn: "Route changes, moved stops and temporary diversions are announced 3 days ahead on the Bus Company's website, WeChat account and at the stops. Operators can look up a route's current stops on this platform by route number; objections to a change are recorded as suggestions and dispatched to the Bus Company.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-07-01T02:00:00Z',
  },
  {
    key: 'bus-complaint',
    categoryCode: 'bus_service',
    departmentCode: 'transit',
    titleZh: '公交服务投诉：甩站、拒载、服务态度',
    titleEn: 'Bus service complaints: skipped stops, refused passengers, rudeness',
    bodyZh: '请记录线路号、车牌号或车辆自编号、时间和站点，转办公交公司。公交公司调取车载视频核实，5个工作日内答复；属实的按规定处理驾驶员。',
    bodyEn: 'Record the route, the plate or fleet number, the time and the stop, and dispatch to the Bus Company. It checks the on-board video and replies within 5 working days; drivers found at fault are dealt with under company rules.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-01-20T02:00:00Z',
  },
  {
    key: 'tree-pruning',
    categoryCode: 'tree_request',
    departmentCode: 'parks',
    titleZh: '树木修剪申请',
    titleEn: 'Asking for a tree to be pruned',
    bodyZh:
      '行道树和公共绿地树木遮挡采光、影响架空线路或交通标志的，由市园林管理处修剪，任何单位和个人不得擅自修剪或砍伐。受理后园林处5个工作日内现场查看，一般安排在冬季修剪期实施，影响安全的随时处理。小区内树木由业主委员会或物业申请。',
    bodyEn:
      'Street trees and trees on public green land that block light, touch overhead lines or hide traffic signs are pruned by the Parks and Greening Administration; nobody may prune or fell them on their own. Parks staff inspect within 5 working days and usually prune in the winter season; anything dangerous is dealt with at once. Trees inside residential estates are requested by the owners’ committee or the property manager.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-03-03T02:00:00Z',
  },
  {
    key: 'tree-fallen',
    categoryCode: 'tree_emergency',
    departmentCode: 'parks',
    titleZh: '树木倒伏或有倒伏危险',
    titleEn: 'Fallen trees and trees about to fall',
    bodyZh: '树木倒伏阻断道路、压住车辆或电线，或明显倾斜有倒伏危险的，立即转办园林管理处，2小时内到场处置；涉及电线的同时告知供电部门。提醒市民远离。',
    bodyEn: 'A tree that blocks a road, has fallen on a car or on wires, or leans and may fall, is dispatched at once to Parks and Greening, who are on site within 2 hours; if wires are involved, tell the power company too. Tell the caller to keep clear.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-06-02T02:00:00Z',
  },
  {
    key: 'dead-animal',
    categoryCode: 'dead_animal',
    departmentCode: 'construction',
    titleZh: '道路动物尸体清理',
    titleEn: 'Dead animals on roads and public places',
    bodyZh: '道路、绿地等公共场所的动物尸体由市建委环卫作业单位清理，接报后4小时内处理。小区内由物业负责；疑似疫病死亡的禽畜应告知农业部门。',
    bodyEn: 'Dead animals on roads, green spaces and other public places are removed by the sanitation contractors of the Construction Commission within 4 hours of the report. Inside estates it is the property manager’s job; livestock or poultry that may have died of disease should also be reported to the agriculture authorities.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2024-11-11T02:00:00Z',
  },
  {
    key: 'dibao',
    categoryCode: 'social_assistance',
    departmentCode: 'civil_affairs',
    titleZh: '低保申请条件',
    titleEn: 'Minimum living allowance (dibao): who qualifies',
    bodyZh:
      '共同生活的家庭成员人均收入低于本市最低生活保障标准，且家庭财产符合规定的，可申请最低生活保障（低保）。由户主向户籍所在地乡镇人民政府（街道办事处）提出申请，提供身份证、户口簿、收入和财产情况说明，签署家庭经济状况核对授权书。经入户调查、民主评议和7天公示后，由县（区）民政局审批，一般30个工作日内办结。',
    bodyEn:
      "A household whose members' average income is below the city's minimum living standard, and whose assets are within the limits, may apply for the minimum living allowance (dibao). The head of household applies to the township government or sub-district office where the household is registered, bringing ID cards, the household register and a statement of income and assets, and signs consent to a check of the family's finances. After a home visit, community review and 7 days of public notice, the county or district Civil Affairs Bureau decides, usually within 30 working days.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-07-15T02:00:00Z',
  },
  {
    key: 'temporary-assistance',
    categoryCode: 'social_assistance',
    departmentCode: 'civil_affairs',
    titleZh: '临时救助',
    titleEn: 'Temporary assistance after a sudden hardship',
    bodyZh: '因火灾、交通事故、突发重病等导致基本生活暂时出现严重困难的家庭或个人，可向乡镇（街道）申请临时救助；情况紧急的可先行救助、后补手续。流浪乞讨人员可联系救助管理站。',
    bodyEn: 'Households or people whose basic living is suddenly in serious difficulty after a fire, a traffic accident or a sudden serious illness may apply to the township or sub-district office for temporary assistance; in urgent cases help comes first and the paperwork after. Homeless people can be referred to the relief station.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-02-01T02:00:00Z',
  },
  {
    key: 'residence-permit',
    categoryCode: 'policy_consult',
    departmentCode: 'gov_service',
    titleZh: '居住证办理',
    titleEn: 'Applying for a residence permit',
    bodyZh:
      '离开户籍所在地到本市居住半年以上，且有合法稳定就业、合法稳定住所或连续就读条件之一的，可申请居住证。先到居住地派出所或社区办理居住登记，满半年后凭身份证、照片和就业、住所或就读证明到派出所或市政务服务中心公安窗口申领。居住证每年签注一次，持证可享受随迁子女入学、公共就业服务等。',
    bodyEn:
      'People who have lived in the city for more than six months away from their registered home, and have a lawful steady job, a lawful steady home or are in continuous study, may apply for a residence permit. First register the address at the local police station or community office; after six months apply at the police station or the police window of the Government Service Centre with an ID card, a photo and proof of job, home or study. The permit is endorsed once a year and gives access to school places for children, public employment services and more.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-04-22T02:00:00Z',
  },
  {
    key: 'medical-insurance-offsite',
    categoryCode: 'health_service',
    departmentCode: 'health',
    titleZh: '医保异地就医备案',
    titleEn: 'Registering medical insurance for treatment in another city',
    bodyZh:
      '参保人到外地就医需先备案才能直接结算。可通过国家医保服务平台APP、“国家异地就医备案”小程序或医保经办窗口办理。长期异地居住人员（异地安置退休、异地长期居住、常驻异地工作）备案后在就医地直接结算；临时外出就医人员备案有效期一般为6个月。未备案先就医的，可在出院后补办备案或回参保地手工报销。',
    bodyEn:
      'Insured people must register before treatment elsewhere to settle bills directly. Register in the National Medical Insurance Service Platform app, the national cross-region registration mini-program or at a medical insurance counter. People living elsewhere long term (retired there, residing or posted there) settle directly where they are treated; a registration for temporary treatment away usually lasts 6 months. Those treated before registering can register afterwards or claim back at home by hand.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-08-30T02:00:00Z',
  },
  {
    key: 'school-enrolment',
    categoryCode: 'education',
    departmentCode: 'education',
    titleZh: '义务教育入学',
    titleEn: 'Enrolling in primary and junior secondary school',
    bodyZh:
      '义务教育阶段公办学校实行划片就近入学。当年8月31日前年满6周岁的儿童可报名小学一年级，报名一般在6月至7月，通过市教育局招生平台填报，需提供户口簿、房产证明。随迁子女凭父母一方的居住证、就业或社保证明申请，由教育局统筹安排学位。学区划分以教育局当年公布为准。',
    bodyEn:
      "Public primary and junior secondary schools admit children from their own catchment area. Children who are 6 by 31 August may start primary school; registration is usually in June and July on the Education Bureau's admissions platform, with the household register and proof of home ownership. Children of families who moved here apply with one parent's residence permit and proof of job or social insurance, and the Education Bureau allocates a place. Catchment areas are as the Bureau publishes them each year.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-05-20T02:00:00Z',
  },
  {
    key: 'noise',
    categoryCode: 'other',
    departmentCode: 'construction',
    titleZh: '噪声投诉',
    titleEn: 'Noise complaints',
    bodyZh:
      '建筑工地夜间（22时至次日6时）施工须持夜间施工许可，无证施工的转办市建委查处。邻里、娱乐场所和广场舞等社会生活噪声，现场制止需要的请市民拨打110由公安处理；商铺使用高音喇叭招揽生意的转办城市管理部门。受理时记录噪声来源、时段和具体位置。',
    bodyEn:
      'Building sites need a night-work permit to work between 22:00 and 06:00; work without one is dispatched to the Construction Commission. Noise from neighbours, entertainment venues or square dancing that needs stopping there and then is for the police: ask the caller to dial 110. Shops using loudspeakers to attract customers go to city management. Record the source, the times and the exact place.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-09-10T02:00:00Z',
  },
  {
    key: 'disability-certificate',
    categoryCode: 'policy_consult',
    departmentCode: 'disabled_federation',
    titleZh: '残疾证办理',
    titleEn: 'Applying for a disability certificate',
    bodyZh: '本人或监护人持身份证、户口簿和近期照片到户籍所在地社区（村）提出申请，到指定医院进行残疾评定，经县（区）残联审核后发证。持证可享受公交免费乘车、困难残疾人生活补贴和重度残疾人护理补贴等。',
    bodyEn: "The applicant or guardian applies at the community (village) office of the registered home with an ID card, the household register and a recent photo, is assessed at a designated hospital, and the county or district Disabled Persons' Federation issues the certificate. It gives free bus travel, living subsidies for disabled people in hardship and care subsidies for severe disabilities.",
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2024-12-01T02:00:00Z',
  },
  {
    key: 'langya-tickets',
    categoryCode: 'policy_consult',
    departmentCode: 'langya_scenic',
    titleZh: '琅琊山景区门票优惠',
    titleEn: 'Langya Mountain Scenic Area ticket concessions',
    bodyZh: '60周岁以上老人、现役军人、残疾人凭有效证件免门票；6周岁以下或身高1.4米以下儿童免票，全日制学生凭学生证半价。优惠票须在景区售票处出示证件购买。',
    bodyEn: 'People aged 60 and over, serving military personnel and disabled people enter free on showing valid documents; children under 6 or under 1.4 m are free and full-time students pay half price with a student card. Concession tickets are bought at the scenic area ticket office on showing the document.',
    validFrom: '2024-01-01T00:00:00Z',
    updatedAt: '2025-01-05T02:00:00Z',
  },
];

/** The id a seeded article gets, so tests (and a re-run) can find it by key. */
export const knowledgeArticleId = (key: string) => deterministicId(`intake:knowledge:${key}`);

function toArticle(seed: ArticleSeed): KnowledgeArticle {
  const { key, validFrom, validTo, updatedAt, ...text } = seed;
  return Object.assign(new KnowledgeArticle(), {
    id: knowledgeArticleId(key),
    ...text,
    validFrom: new Date(validFrom),
    validTo: validTo ? new Date(validTo) : null,
    updatedAt: new Date(updatedAt),
  });
}

/** Inserts the articles a database lacks; leaves alone the ones supervisors may since have revised. */
export async function seedKnowledgeBase(manager: EntityManager): Promise<number> {
  const articles = KNOWLEDGE_ARTICLES.map(toArticle);
  const existing = await manager.find(KnowledgeArticle, { select: { id: true }, where: { id: In(articles.map((a) => a.id)) } });
  const known = new Set(existing.map((row) => row.id));
  const fresh = articles.filter((article) => !known.has(article.id));
  if (fresh.length > 0) {
    await manager.insert(KnowledgeArticle, fresh);
    // their first version, as publishing one through the API keeps it
    await manager.insert(KnowledgeArticleVersion, fresh.map((article) => ({ ...pickContent(article), articleId: article.id, version: 1, publishedBy: 'seed', proposedBy: null, publishedAt: article.updatedAt })));
  }
  return fresh.length;
}
